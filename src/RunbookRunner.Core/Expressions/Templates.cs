using System.Text;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Expressions;

/// <summary>
/// <c>${...}</c> references in runbook text: <c>${vars.x}</c>, <c>${NAME}</c> (environment variable, else
/// <c>vars</c>), <c>${secrets.x}</c>, <c>${run.id}</c>, <c>${run.t0}</c>, <c>${run.environment}</c>,
/// <c>${roles.NAME}</c> (Slack mentions of the role's people) and <c>${steps.ID.outputs.NAME}</c>.
/// <c>$${</c> is a literal <c>${</c>.
/// </summary>
public static class Templates
{
    /// <summary>Run properties available as <c>${run.NAME}</c>.</summary>
    public static IReadOnlyList<string> RunProperties { get; } = ["id", "t0", "environment"];

    /// <summary>Variables may refer to variables; deeper chains than this are treated as a cycle.</summary>
    internal const int MaxVariableDepth = 16;

    /// <summary>True when <paramref name="text"/> holds a reference or an escape and so needs rendering.</summary>
    public static bool HasTemplates(string text) =>
        text is not null && text.Contains("${", StringComparison.Ordinal);

    /// <summary>Every reference in <paramref name="text"/>, in order; escaped <c>$${</c> is skipped.</summary>
    public static IReadOnlyList<TemplateReference> FindReferences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<TemplateReference>();
        Scan(text, found);
        return found;
    }

    /// <summary>Substitutes every reference in <paramref name="text"/>.</summary>
    /// <exception cref="TemplateException">A reference is malformed or cannot be resolved.</exception>
    public static string Render(string text, TemplateContext ctx)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ctx);
        return RenderText(text, ctx, depth: 0);
    }

    /// <summary>Substitutes references in every scalar of a map (keys are left alone).</summary>
    /// <remarks>
    /// A scalar that is exactly one reference to a variable takes the variable's value as a whole, so a
    /// list or map variable can be passed as a parameter and a number stays a number.
    /// </remarks>
    /// <exception cref="TemplateException">A reference is malformed or cannot be resolved.</exception>
    public static MapValue Render(MapValue value, TemplateContext ctx)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(ctx);
        return RenderMap(value, ctx, depth: 0);
    }

    /// <summary>Substitutes references in every scalar of a value tree.</summary>
    /// <exception cref="TemplateException">A reference is malformed or cannot be resolved.</exception>
    public static ParamValue Render(ParamValue value, TemplateContext ctx)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(ctx);
        return RenderValue(value, ctx, depth: 0);
    }

    /// <summary>Writes <paramref name="text"/> so that it renders to itself (every <c>${</c> becomes <c>$${</c>).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("${", "$${", StringComparison.Ordinal);
    }

    private static ParamValue RenderValue(ParamValue value, TemplateContext ctx, int depth) => value switch
    {
        ScalarValue s => RenderScalar(s, ctx, depth),
        ListValue l => new ListValue([.. l.Items.Select(i => RenderValue(i, ctx, depth))], l.Location),
        MapValue m => RenderMap(m, ctx, depth),
        _ => value,
    };

    private static MapValue RenderMap(MapValue map, TemplateContext ctx, int depth) =>
        new([.. map.Entries.Select(e => e with { Value = RenderValue(e.Value, ctx, depth) })], map.Location);

    private static ParamValue RenderScalar(ScalarValue scalar, TemplateContext ctx, int depth)
    {
        if (!HasTemplates(scalar.Text))
        {
            return scalar;
        }

        var refs = FindReferences(scalar.Text);
        if (refs.Count == 1 && refs[0].Offset == 0 && refs[0].Length == scalar.Text.Length)
        {
            var only = refs[0];
            switch (only.Kind)
            {
                case TemplateReferenceKind.Variable or TemplateReferenceKind.EnvironmentVariable:
                    var variable = LookupVariable(only, ctx);
                    var rendered = RenderValue(variable, ctx, NextDepth(depth, only));
                    return rendered is ScalarValue s ? new ScalarValue(s.Text, s.Quoted, scalar.Location) : rendered;
                case TemplateReferenceKind.StepOutput:
                    var output = ResolveOutput(only, ctx);
                    return new ScalarValue(output, !LooksTyped(output), scalar.Location);
                default:
                    return new ScalarValue(Resolve(only, ctx, depth), Quoted: true, scalar.Location);
            }
        }

        return new ScalarValue(RenderText(scalar.Text, ctx, depth), Quoted: true, scalar.Location);
    }

    private static string RenderText(string text, TemplateContext ctx, int depth)
    {
        if (!HasTemplates(text))
        {
            return text;
        }

        var refs = FindReferences(text);
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var reference in refs)
        {
            sb.Append(Unescape(text.AsSpan(position, reference.Offset - position)));
            sb.Append(Resolve(reference, ctx, depth));
            position = reference.Offset + reference.Length;
        }

        sb.Append(Unescape(text.AsSpan(position)));
        return sb.ToString();
    }

    private static string Unescape(ReadOnlySpan<char> literal) =>
        literal.ToString().Replace("$${", "${", StringComparison.Ordinal);

    private static string Resolve(TemplateReference reference, TemplateContext ctx, int depth)
    {
        switch (reference.Kind)
        {
            case TemplateReferenceKind.Variable or TemplateReferenceKind.EnvironmentVariable:
                var value = LookupVariable(reference, ctx);
                if (value is not ScalarValue scalar)
                {
                    throw new TemplateException(
                        $"{reference} is a {(value is ListValue ? "list" : "map")}; it can only be used as a whole value, not inside text");
                }

                return scalar.IsNull ? string.Empty : RenderText(scalar.Text, ctx, NextDepth(depth, reference));
            case TemplateReferenceKind.Secret:
                return ctx.ResolveSecret(reference.Name);
            case TemplateReferenceKind.Run:
                return ctx.ResolveRun(reference.Name);
            case TemplateReferenceKind.Role:
                return ctx.ResolveRole(reference.Name);
            case TemplateReferenceKind.StepOutput:
                return ResolveOutput(reference, ctx);
            default:
                throw new TemplateException($"{reference}: {reference.Error}");
        }
    }

    private static int NextDepth(int depth, TemplateReference reference) =>
        depth + 1 > MaxVariableDepth
            ? throw new TemplateException($"{reference}: variables refer to each other more than {MaxVariableDepth} levels deep (a cycle?)")
            : depth + 1;

    private static string ResolveOutput(TemplateReference reference, TemplateContext ctx)
    {
        if (!ctx.StepOutputs.TryGetValue(reference.StepId!, out var outputs))
        {
            throw new TemplateException($"{reference}: step '{reference.StepId}' has no outputs (it has not run)");
        }

        return outputs.TryGetValue(reference.Name, out var output)
            ? output
            : throw new TemplateException($"{reference}: step '{reference.StepId}' did not produce output '{reference.Name}'");
    }

    private static ParamValue LookupVariable(TemplateReference reference, TemplateContext ctx)
    {
        var path = reference.Name.Split('.');
        ParamValue? value = null;
        if (reference.Kind == TemplateReferenceKind.EnvironmentVariable)
        {
            value = ctx.EnvironmentVariables.GetValueOrDefault(path[0]) ?? ctx.Vars.GetValueOrDefault(path[0]);
        }
        else
        {
            value = ctx.Vars.GetValueOrDefault(path[0]);
        }

        for (var i = 1; i < path.Length && value is not null; i++)
        {
            value = value is MapValue map ? map[path[i]] : null;
        }

        return value ?? throw new TemplateException(
            reference.Kind == TemplateReferenceKind.EnvironmentVariable
                ? $"{reference}: variable '{reference.Name}' is defined neither by the environment{(ctx.EnvironmentName is null ? string.Empty : $" '{ctx.EnvironmentName}'")} nor in vars"
                : $"{reference}: variable '{reference.Name}' is not defined in vars");
    }

    private static bool LooksTyped(string text) =>
        text is "true" or "false" || (text.Length > 0 && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

    private static void Scan(string text, List<TemplateReference> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                i += 3;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    found.Add(new TemplateReference(TemplateReferenceKind.Invalid, text[(i + 2)..], string.Empty, i, text.Length - i)
                    {
                        Error = "'${' is not closed by '}' (write $${ for a literal ${)",
                    });
                    return;
                }

                found.Add(Classify(text[(i + 2)..close], i, close - i + 1));
                i = close + 1;
                continue;
            }

            i++;
        }
    }

    private static TemplateReference Classify(string expression, int offset, int length)
    {
        var e = expression.Trim();
        var parts = e.Split('.');
        if (parts.Any(p => !IsName(p)))
        {
            return Invalid(expression, offset, length, e.Length == 0
                ? "empty reference '${}'"
                : $"'${{{expression}}}' is not a reference; write ${{vars.NAME}}, ${{secrets.NAME}}, ${{run.id}}, ${{roles.NAME}}, ${{steps.ID.outputs.NAME}} or ${{NAME}}");
        }

        switch (parts[0])
        {
            case "vars" when parts.Length >= 2:
                return new TemplateReference(TemplateReferenceKind.Variable, expression, string.Join('.', parts[1..]), offset, length);
            case "secrets" when parts.Length == 2:
                return new TemplateReference(TemplateReferenceKind.Secret, expression, parts[1], offset, length);
            case "run" when parts.Length == 2 && RunProperties.Contains(parts[1]):
                return new TemplateReference(TemplateReferenceKind.Run, expression, parts[1], offset, length);
            case "run":
                return Invalid(expression, offset, length, $"'${{{expression}}}': run properties are {string.Join(", ", RunProperties.Select(p => "run." + p))}");
            case "roles" when parts.Length == 2:
                return new TemplateReference(TemplateReferenceKind.Role, expression, parts[1], offset, length);
            case "roles" when parts.Length > 2:
                return Invalid(expression, offset, length, $"'${{{expression}}}': write ${{roles.NAME}}");
            case "steps" when parts.Length == 4 && parts[2] == "outputs":
                return new TemplateReference(TemplateReferenceKind.StepOutput, expression, parts[3], offset, length) { StepId = parts[1] };
            case "steps":
                return Invalid(expression, offset, length, $"'${{{expression}}}': write ${{steps.STEP_ID.outputs.NAME}}");
            case "vars" or "secrets":
                return Invalid(expression, offset, length, $"'${{{expression}}}': write ${{{parts[0]}.NAME}}");
            default:
                return parts.Length == 1
                    ? new TemplateReference(TemplateReferenceKind.EnvironmentVariable, expression, parts[0], offset, length)
                    : Invalid(expression, offset, length, $"'${{{expression}}}' has an unknown prefix '{parts[0]}'; use vars., secrets., run., roles., steps. or a bare environment variable name");
        }
    }

    private static TemplateReference Invalid(string expression, int offset, int length, string error) =>
        new(TemplateReferenceKind.Invalid, expression, string.Empty, offset, length) { Error = error };

    private static bool IsName(string part) =>
        part.Length > 0 && part.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-');
}
