using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

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

        if (approval.Quotas.Count > 0)
        {
            CheckQuotas(approval, node, owner);
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

    /// <summary>Per-role counts: each names a listed role, each listed role has one, and they can be met together.</summary>
    private void CheckQuotas(ApprovalSpec approval, MapValue node, string owner)
    {
        var fits = true;
        foreach (var quota in approval.Quotas)
        {
            if (!approval.Roles.Contains(quota.Role, StringComparer.Ordinal))
            {
                fits = false;
                bag.Error(DiagnosticCodes.QuotaRoleMismatch, quota.Location,
                    $"'required' of the approval of {owner} counts role '{RunbookBinder.Shorten(quota.Role)}', which is not in its roles ({string.Join(", ", approval.Roles)}); add it to 'roles' or remove the count{Suggestions.DidYouMean(quota.Role, approval.Roles)}");
                continue;
            }

            var members = runbook.Roles[quota.Role];
            if (quota.Count > members.Count)
            {
                fits = false;
                bag.Error(DiagnosticCodes.NotEnoughApprovers, quota.Location,
                    $"the approval of {owner} requires {quota.Count} approver{(quota.Count == 1 ? string.Empty : "s")} from role {quota.Role}, but it "
                    + (members.Count == 0 ? "has nobody in it" : $"has only {members.Count} ({string.Join(", ", members)})"));
            }
        }

        foreach (var role in ScalarsOf(node["roles"]).Where(r => approval.Quotas.All(q => q.Role != r.Text)))
        {
            fits = false;
            bag.Error(DiagnosticCodes.QuotaRoleMismatch, role.Location,
                $"role '{RunbookBinder.Shorten(role.Text)}' may approve {owner}, but 'required' gives it no count, so its people could never count; give it one (e.g. {RunbookBinder.Shorten(role.Text)}: 1) or remove it from 'roles'");
        }

        if (!fits)
        {
            return;
        }

        // Each role can supply its count alone; check they can all be met together when roles share people.
        var quotas = approval.Quotas.Select(q => new RoleQuota(q.Role, q.Count, runbook.Roles[q.Role])).ToList();
        var people = runbook.UsersInRoles(approval.Roles);
        var filled = QuotaMatching.Filled(quotas, people);
        if (filled < approval.Required)
        {
            var location = node["required"]?.Location ?? node.Location;
            var shared = people.Where(p => quotas.Count(q => q.Members.Contains(p, StringComparer.Ordinal)) > 1).ToList();
            bag.Error(DiagnosticCodes.NotEnoughApprovers, location,
                $"the approval of {owner} requires {string.Join(", ", quotas.Select(q => $"{q.Count} from {q.Role}"))} ({approval.Required} people, one role each), "
                + $"but roles {string.Join(", ", approval.Roles)} can fill at most {filled}: {string.Join(", ", shared)} {(shared.Count == 1 ? "is" : "are")} in several of them and count{(shared.Count == 1 ? "s" : string.Empty)} once");
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
