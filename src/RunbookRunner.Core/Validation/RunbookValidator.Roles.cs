using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Validation;

/// <summary>Roles named by approvals and manual tasks, and whether approvals can gather enough people.</summary>
internal sealed partial class RunbookValidator
{
    private void CheckRolesAndApprovals()
    {
        foreach (var s in bound.AllSteps)
        {
            if (s.Node["approval"] is MapValue approvalNode && s.Step.Approval is { } approval)
            {
                CheckApproval(approval, approvalNode, $"step '{s.Step.Id}'");
            }

            if (s.Node["manual"] is MapValue manualNode)
            {
                CheckRoles(manualNode["roles"], $"the manual task of step '{s.Step.Id}'");
            }
        }

        foreach (var g in bound.Guards)
        {
            if (g.Node["approval"] is MapValue approvalNode && g.Guard.Approval is { } approval)
            {
                CheckApproval(approval, approvalNode, $"guard '{g.Guard.Id}'");
            }
        }
    }

    private void CheckApproval(ApprovalSpec approval, MapValue node, string owner)
    {
        var allKnown = CheckRoles(node["roles"], $"the approval of {owner}");
        CheckRoles(node["escalate_to"], $"the escalation of {owner}");
        if (!allKnown || approval.Roles.Count == 0)
        {
            return;
        }

        var people = runbook.UsersInRoles(approval.Roles);
        if (approval.Required > people.Count)
        {
            var location = node["required"]?.Location ?? node["roles"]?.Location ?? node.Location;
            bag.Error(DiagnosticCodes.NotEnoughApprovers, location,
                $"the approval of {owner} requires {approval.Required} approver{(approval.Required == 1 ? string.Empty : "s")}, but role{(approval.Roles.Count == 1 ? string.Empty : "s")} {string.Join(", ", approval.Roles)} "
                + (people.Count == 0 ? "have nobody in them" : $"have only {people.Count} ({string.Join(", ", people)})"));
        }
    }

    /// <summary>Reports unknown roles; true when every role is known.</summary>
    private bool CheckRoles(ParamValue? roles, string owner)
    {
        var allKnown = true;
        foreach (var role in ScalarsOf(roles))
        {
            if (runbook.Roles.ContainsKey(role.Text))
            {
                continue;
            }

            allKnown = false;
            var known = runbook.Roles.Count == 0 ? "the runbook declares no roles" : "roles are " + string.Join(", ", runbook.Roles.Keys);
            bag.Error(DiagnosticCodes.UnknownRole, role.Location,
                $"{owner} names role '{RunbookBinder.Shorten(role.Text)}', which is not declared under 'roles' ({known}){Suggestions.DidYouMean(role.Text, runbook.Roles.Keys)}");
        }

        return allKnown;
    }
}
