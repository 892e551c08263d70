namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>A BEGIN/END block of an iCalendar file.</summary>
internal sealed class IcsComponent(string name)
{
    public string Name { get; } = name;

    public List<IcsProperty> Properties { get; } = [];

    public List<IcsComponent> Children { get; } = [];

    public IcsProperty Property(string name) => Properties.Single(p => p.Name == name);

    public string Value(string name) => Property(name).Value;

    public IEnumerable<IcsComponent> Descendants() => [this, .. Children.SelectMany(c => c.Descendants())];
}
