using System.Text.RegularExpressions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RunbookRunner.Core.Loading;

/// <summary>
/// Reads YAML parser events into a <see cref="ParamValue"/> tree that keeps the 1-based position of every key
/// and value. Aliases share the anchored value (no copying) but count as copies against
/// <see cref="LoaderLimits.MaxNodes"/>, so an alias bomb is refused quickly; nesting is bounded by
/// <see cref="LoaderLimits.MaxDepth"/>. YAML 1.1 merge keys (<c>&lt;&lt;: *defaults</c>) are supported.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string path;
    private readonly DiagnosticBag bag;
    private readonly Parser parser;
    private readonly Dictionary<string, (ParamValue Value, long Weight)> anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<ScalarValue, ScalarSpan> spans = new(ReferenceEqualityComparer.Instance);
    private long nodes;
    private Mark lastGood = Mark.Empty;

    private YamlTreeReader(string text, string path, DiagnosticBag bag)
    {
        this.path = path;
        this.bag = bag;
        parser = new Parser(new StringReader(text));
    }

    public static YamlTree Read(string text, string path, DiagnosticBag bag)
    {
        var empty = new Dictionary<ScalarValue, ScalarSpan>();
        if (text.Length > LoaderLimits.MaxChars)
        {
            bag.Error(DiagnosticCodes.TooLarge, new SourceLocation(path, 1, 1),
                $"the file has {text.Length} characters; runbooks are limited to {LoaderLimits.MaxChars}");
            return new YamlTree(null, empty);
        }

        var reader = new YamlTreeReader(text, path, bag);
        try
        {
            return new YamlTree(reader.ReadStream(), reader.spans);
        }
        catch (LimitException ex)
        {
            bag.Error(DiagnosticCodes.TooLarge, ex.Location, ex.Message);
        }
        catch (YamlException ex)
        {
            bag.Error(DiagnosticCodes.YamlSyntax, reader.At(ex.Start), CleanMessage(ex) + Hint(text, ex.Start));
        }
        catch (Exception ex) when (ThrownByYamlDotNet(ex))
        {
            // YamlDotNet's scanner throws plain exceptions on some truncated input (e.g. an unclosed flow map at
            // the end of the file). Only exceptions thrown inside YamlDotNet are mapped; our own bugs stay visible.
            bag.Error(DiagnosticCodes.YamlSyntax, reader.At(reader.lastGood),
                "malformed YAML after this point; look for an unclosed '{', '[' or quote" + Hint(text, reader.lastGood));
        }

        return new YamlTree(null, empty);
    }

    private ParamValue? ReadStream()
    {
        Expect<StreamStart>();
        if (parser.Current is StreamEnd)
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = ReadNode(0, out _);
        Expect<DocumentEnd>();
        if (parser.Current is DocumentStart second)
        {
            bag.Error(DiagnosticCodes.BadDocument, At(second.Start), "a runbook file holds one YAML document; remove the second '---' document");
        }

        return root;
    }

    private ParamValue ReadNode(int depth, out long weight)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        switch (current)
        {
            case Scalar scalar:
                {
                    Advance();
                    var value = new ScalarValue(scalar.Value, IsString(scalar), At(scalar.Start));
                    spans[value] = new ScalarSpan(
                        (int)scalar.End.Line,
                        (int)scalar.End.Column,
                        scalar.Style == ScalarStyle.Plain,
                        scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                    weight = 1;
                    Count(weight, value.Location);
                    Remember(scalar.Anchor, value, weight);
                    return value;
                }

            case AnchorAlias alias:
                {
                    Advance();
                    if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        throw new YamlException(alias.Start, alias.End, $"alias '*{alias.Value.Value}' names no anchor defined before it");
                    }

                    weight = anchored.Weight;
                    Count(weight, At(alias.Start));
                    return anchored.Value;
                }

            case SequenceStart sequence:
                {
                    CheckDepth(depth, sequence.Start);
                    Advance();
                    var items = new List<ParamValue>();
                    weight = 1;
                    while (parser.Current is not SequenceEnd)
                    {
                        items.Add(ReadNode(depth + 1, out var itemWeight));
                        weight += itemWeight;
                    }

                    Advance();
                    Count(1, At(sequence.Start));
                    var value = new ListValue(items, At(sequence.Start));
                    Remember(sequence.Anchor, value, weight);
                    return value;
                }

            case MappingStart mapping:
                {
                    CheckDepth(depth, mapping.Start);
                    Advance();
                    var value = ReadMapping(mapping, depth, out weight);
                    Remember(mapping.Anchor, value, weight);
                    return value;
                }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private MapValue ReadMapping(MappingStart mapping, int depth, out long weight)
    {
        var location = At(mapping.Start);
        var entries = new List<MapEntry>();
        var merged = new List<MapEntry>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        weight = 1;
        while (parser.Current is not MappingEnd)
        {
            var key = ReadNode(depth + 1, out var keyWeight);
            var value = ReadNode(depth + 1, out var valueWeight);
            weight += keyWeight + valueWeight;
            if (key is not ScalarValue keyScalar)
            {
                bag.Error(DiagnosticCodes.WrongType, key.Location, "a key must be plain text, not a list or a map");
                continue;
            }

            if (keyScalar is { Text: "<<", Quoted: false })
            {
                AddMerge(value, merged);
                continue;
            }

            if (seen.TryGetValue(keyScalar.Text, out var first))
            {
                bag.Error(DiagnosticCodes.DuplicateKey, keyScalar.Location,
                    $"key '{keyScalar.Text}' appears twice in this map (first at line {first.Line}); the first one is used");
                continue;
            }

            seen[keyScalar.Text] = keyScalar.Location;
            entries.Add(new MapEntry(keyScalar.Text, keyScalar.Location, value));
        }

        Advance();
        Count(1, location);

        // Merge keys: explicit keys win, then earlier merged maps win over later ones.
        foreach (var entry in merged)
        {
            if (seen.TryAdd(entry.Key, entry.KeyLocation))
            {
                entries.Add(entry);
            }
        }

        return new MapValue(entries, location);
    }

    private void AddMerge(ParamValue value, List<MapEntry> merged)
    {
        switch (value)
        {
            case MapValue map:
                merged.AddRange(map.Entries);
                break;
            case ListValue list when list.Items.All(i => i is MapValue):
                foreach (var item in list.Items)
                {
                    merged.AddRange(((MapValue)item).Entries);
                }

                break;
            default:
                bag.Error(DiagnosticCodes.WrongType, value.Location, "a merge key '<<' takes a map (or a list of maps), e.g. <<: *defaults");
                break;
        }
    }

    private void Remember(AnchorName anchor, ParamValue value, long weight)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (value, weight);
        }
    }

    private void CheckDepth(int depth, Mark start)
    {
        if (depth >= LoaderLimits.MaxDepth)
        {
            throw new LimitException(At(start), $"lists and maps are nested more than {LoaderLimits.MaxDepth} levels deep");
        }
    }

    private void Count(long weight, SourceLocation location)
    {
        nodes += weight;
        if (nodes > LoaderLimits.MaxNodes)
        {
            throw new LimitException(location, $"the document has more than {LoaderLimits.MaxNodes} values (counting every alias as a copy)");
        }
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (parser.Current is null)
        {
            Advance();
        }

        if (parser.Current is not T)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, $"expected {typeof(T).Name}, found {parser.Current?.GetType().Name ?? "the end"}");
        }

        Advance();
    }

    /// <summary>True when the innermost frame outside the base library belongs to YamlDotNet.</summary>
    private static bool ThrownByYamlDotNet(Exception ex)
    {
        if (ex is OutOfMemoryException or LimitException)
        {
            return false;
        }

        var yaml = typeof(Parser).Assembly;
        var core = typeof(object).Assembly;
        foreach (var frame in new System.Diagnostics.StackTrace(ex).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || assembly == core)
            {
                continue;
            }

            return assembly == yaml;
        }

        return false;
    }

    private void Advance()
    {
        if (parser.Current is { } current)
        {
            lastGood = current.End;
        }

        parser.MoveNext();
    }

    private SourceLocation At(Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static bool IsString(Scalar scalar) =>
        scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
        || (!scalar.Tag.IsEmpty && (scalar.Tag.Value == StringTag || scalar.Tag.Value == "!!str"));

    /// <summary>The commonest mistake: a plain <c>${...}</c> inside a flow map, where braces are YAML syntax.</summary>
    private static string Hint(string text, Mark start)
    {
        var lines = text.Split('\n');
        var line = start.Line >= 1 && start.Line <= lines.Length ? lines[start.Line - 1] : string.Empty;
        return line.Contains("${", StringComparison.Ordinal) && line.Contains('{', StringComparison.Ordinal) && (line.Contains(": ${", StringComparison.Ordinal) || line.Contains("[${", StringComparison.Ordinal) || line.Contains(", ${", StringComparison.Ordinal))
            ? " (quote values that hold ${...} inside { } or [ ], e.g. url: \"${app_url}/x\")"
            : string.Empty;
    }

    /// <summary>YamlDotNet prefixes messages with both marks; the diagnostic shows the position itself.</summary>
    private static string CleanMessage(YamlException ex)
    {
        var message = MarkPrefix().Replace(ex.Message, string.Empty).Trim();
        return message.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class LimitException(SourceLocation location, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;
    }
}
