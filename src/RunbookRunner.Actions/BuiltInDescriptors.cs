using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions;

/// <summary>The descriptors of the built-in actions, taken from the language's <see cref="ActionCatalog"/> so code and language cannot drift.</summary>
internal static class BuiltInDescriptors
{
    public static ActionDescriptor Get(string type) =>
        ActionCatalog.Find(type) ?? throw new InvalidOperationException($"The action catalog has no '{type}' action; add it to ActionCatalog before implementing it.");
}
