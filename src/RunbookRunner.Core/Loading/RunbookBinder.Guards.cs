using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Loading;

/// <summary>Guards: rollback criteria watched while active.</summary>
internal sealed partial class RunbookBinder
{
    private static readonly Dictionary<string, GuardResponse> GuardResponses = new(StringComparer.Ordinal)
    {
        ["rollback"] = GuardResponse.Rollback,
        ["pause"] = GuardResponse.Pause,
        ["notify"] = GuardResponse.Notify,
    };

    private List<GuardSyntax> BindGuards(ListValue? list)
    {
        var result = new List<GuardSyntax>();
        for (var i = 0; i < (list?.Items.Count ?? 0); i++)
        {
            var item = list!.Items[i];
            if (item is MapValue node)
            {
                result.Add(new GuardSyntax(BindGuard(node, i), node));
            }
            else
            {
                bag.Error(DiagnosticCodes.WrongType, item.Location, $"each item of 'guards' must be a guard (a map with id, from, check), not {Describe(item)}");
            }
        }

        return result;
    }

    private Guard BindGuard(MapValue node, int index)
    {
        var idValue = Scalar(node, "id", $"guard {index + 1}", required: true);
        CheckSlug(idValue, "guard id");
        var id = idValue?.Text ?? $"#guard{index + 1}";
        var where = $"guard '{Shorten(id)}'";
        CheckKeys(node, LanguageKeys.Guard, where);
        return new Guard
        {
            Id = id,
            Title = String(node, "title", where),
            From = String(node, "from", where, required: true) ?? string.Empty,
            Until = Anchor(node, "until", where),
            Every = Duration(node, "every", where, positive: true) ?? TimeSpan.FromSeconds(30),
            Check = BindGuardCheck(node, where),
            Then = Enum(node, "then", where, GuardResponses) ?? GuardResponse.Rollback,
            Approval = BindApproval(Get(node, "approval"), where),
            Location = node.Location,
        };
    }

    private GuardCheck BindGuardCheck(MapValue node, string where)
    {
        var map = Map(node, "check", where, required: true);
        if (map is null)
        {
            return new GuardCheck { Url = string.Empty, Location = node.Location };
        }

        var inner = $"the check of {where}";
        CheckKeys(map, LanguageKeys.GuardCheck, inner);
        var check = new GuardCheck
        {
            Url = String(map, "url", inner, required: true) ?? string.Empty,
            JsonPath = String(map, "json_path", inner),
            Above = Number(map, "above", inner),
            Below = Number(map, "below", inner),
            ExpectStatus = (int?)Int(map, "expect_status", inner, 100, 599),
            For = Duration(map, "for", inner) ?? TimeSpan.Zero,
            Location = map.Location,
        };
        if (!map.ContainsKey("above") && !map.ContainsKey("below") && !map.ContainsKey("expect_status"))
        {
            bag.Error(DiagnosticCodes.GuardWithoutCondition, map.Location,
                $"{inner} never trips: give 'above' or 'below' (a number read with json_path) or 'expect_status'");
        }

        return check;
    }
}
