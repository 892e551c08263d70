using YamlDotNet.RepresentationModel;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>Files of the repository the tests run in (found by walking up to RunbookRunner.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every YAML document of a file (a Kubernetes file may hold several).</summary>
    public static IReadOnlyList<YamlMappingNode> ReadYaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relativePath));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RunbookRunner.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the tests must run inside the repository");
    }
}
