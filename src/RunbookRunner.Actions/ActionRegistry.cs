using RunbookRunner.Core.Execution;

namespace RunbookRunner.Actions;

/// <summary>Finds a step action by its type (<c>shell</c>, <c>http.check</c>, ...).</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, IStepAction> _actions;

    public ActionRegistry(IEnumerable<IStepAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = new Dictionary<string, IStepAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var type = action.Descriptor.Type;
            if (!_actions.TryAdd(type, action))
            {
                throw new InvalidOperationException(
                    $"Two step actions claim the type '{type}': {_actions[type].GetType().FullName} and {action.GetType().FullName}; register only one.");
            }
        }
    }

    public IReadOnlyCollection<string> Types => _actions.Keys;

    public IEnumerable<IStepAction> All => _actions.Values;

    public IStepAction? Find(string type) => _actions.GetValueOrDefault(type);

    public IStepAction Get(string type) =>
        Find(type) ?? throw new KeyNotFoundException(
            $"No step action of type '{type}'. Known types: {string.Join(", ", _actions.Keys.Order(StringComparer.Ordinal))}.");
}
