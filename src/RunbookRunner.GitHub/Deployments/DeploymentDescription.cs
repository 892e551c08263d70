using System.Globalization;

namespace RunbookRunner.GitHub.Deployments;

/// <summary>GitHub refuses deployment status descriptions over 140 characters; shorten instead of failing the step.</summary>
internal static class DeploymentDescription
{
    public const int MaxLength = 140;

    public static string? Truncate(string? description)
    {
        if (description is null || description.Length <= MaxLength)
        {
            return description;
        }

        // Cut on a text-element boundary so no surrogate pair or combining sequence is split.
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(description);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > MaxLength - 1)
            {
                break;
            }

            cut = end;
        }

        return string.Concat(description.AsSpan(0, cut), "…");
    }
}
