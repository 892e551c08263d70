using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Loading;

/// <summary>A parsed YAML document as a value tree with positions, plus the extent of every scalar.</summary>
internal sealed record YamlTree(ParamValue? Root, IReadOnlyDictionary<ScalarValue, ScalarSpan> Spans)
{
    /// <summary>
    /// The position of <paramref name="offset"/> inside a scalar's text, when the scalar is written on one line
    /// without escapes (so text offsets map to columns); otherwise the scalar's own position.
    /// </summary>
    public SourceLocation LocationIn(ScalarValue scalar, int offset)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (!Spans.TryGetValue(scalar, out var span) || span.EndLine != scalar.Location.Line || !(span.Plain || span.FlowQuoted))
        {
            return scalar.Location;
        }

        var quote = span.FlowQuoted ? 1 : 0;
        var written = span.EndColumn - scalar.Location.Column;
        return written == scalar.Text.Length + (2 * quote)
            ? scalar.Location with { Column = scalar.Location.Column + quote + offset }
            : scalar.Location;
    }
}
