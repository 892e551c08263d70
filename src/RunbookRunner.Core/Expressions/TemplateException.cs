namespace RunbookRunner.Core.Expressions;

/// <summary>A <c>${...}</c> reference could not be substituted at run time (undefined, unresolvable secret, cycle).</summary>
public sealed class TemplateException : InvalidOperationException
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateException()
    {
    }
}
