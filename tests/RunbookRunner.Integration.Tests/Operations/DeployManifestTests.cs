using System.Text.RegularExpressions;
using FluentAssertions;
using YamlDotNet.RepresentationModel;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>
/// There is no container engine here, so the deployment artefacts are checked by reading them: the YAML parses, the
/// probes hit the real health endpoints on the port the server listens on, and every environment variable is a
/// configuration key the server actually reads (a renamed option breaks this test, not a launch).
/// </summary>
public sealed partial class DeployManifestTests
{
    private const int ContainerPort = 8080;

    [Fact]
    public void Dockerfile_MultiStageNonRootWithHealthCheck_ListensWhereItsProbeLooks()
    {
        var dockerfile = RepositoryFiles.Read("deploy/Dockerfile");
        var instructions = dockerfile.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#') && !char.IsWhiteSpace(l[0])).ToList();

        instructions.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(2, "build and runtime are separate stages");
        instructions.Should().Contain(l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = instructions.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.Should().NotContain("root").And.NotMatchRegex(@"USER 0(:|$)");
        instructions.Should().Contain(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        dockerfile.Should().Contain($"http://127.0.0.1:{ContainerPort}/healthz").And.Contain($"EXPOSE {ContainerPort}").And.Contain($"ASPNETCORE_URLS=http://+:{ContainerPort}");
        dockerfile.Should().Contain("ENTRYPOINT [\"/app/runbook\"]").And.Contain("CMD [\"serve\"]");
        EnvAssignments().Matches(dockerfile).Select(m => m.Groups[1].Value).Should().OnlyContain(k => ConfigurationKeys.IsKnown(k));
        foreach (var project in ProjectReferences())
        {
            dockerfile.Should().Contain(project, "the restore layer copies every project the CLI builds from");
        }
    }

    [Fact]
    public void Compose_PostgresAndTwoNodes_ShareTheStoreWithDistinctNodeIds()
    {
        var compose = RepositoryFiles.ReadYaml("deploy/docker-compose.yml").Single();
        var services = compose.Keys("services").ToList();
        var runners = services.Where(s => s != "postgres").ToList();

        services.Should().Contain("postgres");
        runners.Should().HaveCount(2);
        compose.Text("services", "postgres", "image").Should().StartWith("postgres:");
        var nodeIds = new List<string>();
        foreach (var runner in runners)
        {
            var service = compose.At("services", runner);
            var environment = Merged(service.At("environment"));
            environment.Keys.Should().OnlyContain(k => ConfigurationKeys.IsKnown(k), $"{runner} sets only keys the server reads");
            environment["Runbook__Store"].Should().StartWith("postgres:Host=postgres;");
            environment["ASPNETCORE_URLS"].Should().Be($"http://+:{ContainerPort}");
            nodeIds.Add(environment["Runbook__NodeId"]);
            string.Join(" ", Merged(Inherited(service, "healthcheck")).Values).Should().Contain($"127.0.0.1:{ContainerPort}/readyz");
        }

        nodeIds.Should().OnlyHaveUniqueItems("each node needs its own id");
    }

    [Fact]
    public void Kubernetes_DeploymentServicePdb_ProbesPortsAndEnvironmentMatchTheServer()
    {
        var documents = new[] { "deployment.yaml", "service.yaml", "poddisruptionbudget.yaml", "configmap.yaml", "secret.example.yaml", "kustomization.yaml" }
            .ToDictionary(f => f, f => RepositoryFiles.ReadYaml("deploy/kubernetes/" + f).Single());
        var deployment = documents["deployment.yaml"];
        var container = deployment.Items("spec", "template", "spec", "containers").Single();
        var labels = deployment.At("spec", "template", "metadata", "labels");

        deployment.Text("kind").Should().Be("Deployment");
        deployment.Text("spec", "replicas").Should().Be("2");
        deployment.Text("spec", "template", "spec", "securityContext", "runAsNonRoot").Should().Be("true");
        var port = container.Items("ports").Single();
        port.Text("containerPort").Should().Be(ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var portName = port.Text("name");
        container.Text("readinessProbe", "httpGet", "path").Should().Be("/readyz");
        container.Text("livenessProbe", "httpGet", "path").Should().Be("/healthz");
        container.Text("readinessProbe", "httpGet", "port").Should().Be(portName);
        container.Text("livenessProbe", "httpGet", "port").Should().Be(portName);

        var env = container.Items("env").ToList();
        var configMap = documents["configmap.yaml"];
        var secret = documents["secret.example.yaml"];
        var names = env.Select(e => e.Text("name")).Concat(configMap.Keys("data")).ToList();
        names.Should().OnlyContain(n => ConfigurationKeys.IsKnown(n), "every variable is a key the server reads");
        names.Should().Contain(["Runbook__Store", "Runbook__NodeId", "Slack__BotToken", "Slack__SigningSecret", "GitHub__Token"]);
        configMap.Text("data", "ASPNETCORE_URLS").Should().Be($"http://+:{ContainerPort}");
        foreach (var secretEnv in env.Where(e => e.Find("valueFrom")?.Find("secretKeyRef") is not null))
        {
            secretEnv.Text("valueFrom", "secretKeyRef", "name").Should().Be(secret.Text("metadata", "name"));
            secret.Keys("stringData").Should().Contain(secretEnv.Text("valueFrom", "secretKeyRef", "key"));
        }

        env.Single(e => e.Text("name") == "Runbook__Store").Find("valueFrom")!.Find("secretKeyRef").Should().NotBeNull("the store string holds a password");
        container.Items("envFrom").Single().Text("configMapRef", "name").Should().Be(configMap.Text("metadata", "name"));

        var service = documents["service.yaml"];
        service.Items("spec", "ports").Single().Text("targetPort").Should().Be(portName);
        Labels(service.At("spec", "selector")).Should().BeSubsetOf(Labels(labels));
        var pdb = documents["poddisruptionbudget.yaml"];
        pdb.Text("kind").Should().Be("PodDisruptionBudget");
        pdb.Text("spec", "minAvailable").Should().Be("1");
        Labels(pdb.At("spec", "selector", "matchLabels")).Should().BeSubsetOf(Labels(labels));
        documents["kustomization.yaml"].Items("resources").Select(r => ((YamlScalarNode)r).Value).Should().NotContain("secret.example.yaml", "real secrets are created out of band");
    }

    [Fact]
    public void Systemd_Unit_RunsServeAsAnUnprivilegedUserWithKnownSettings()
    {
        var unit = RepositoryFiles.Read("deploy/systemd/runbook-runner.service").Split('\n').Select(l => l.Trim()).ToList();

        unit.Should().Contain(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) && l.EndsWith("/runbook serve", StringComparison.Ordinal));
        unit.Should().Contain(l => l.StartsWith("User=", StringComparison.Ordinal)).Which.Should().NotBe("User=root");
        unit.Should().Contain("Restart=on-failure").And.Contain("NoNewPrivileges=true");
        unit.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)).Select(l => l["Environment=".Length..].Split('=')[0])
            .Should().NotBeEmpty().And.OnlyContain(k => ConfigurationKeys.IsKnown(k));
    }

    // A key of the service itself, or of what it merges in with "<<: *anchor".
    private static YamlNode Inherited(YamlNode service, string key) =>
        service.Find(key) ?? service.Find("<<")?.Find(key) ?? throw new KeyNotFoundException($"no '{key}' in the service or what it merges");

    private static Dictionary<string, string> Merged(YamlNode node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)node)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<")
            {
                foreach (var inherited in Merged(value))
                {
                    result.TryAdd(inherited.Key, inherited.Value);
                }

                continue;
            }

            result[name] = value switch
            {
                YamlScalarNode scalar => scalar.Value ?? "",
                YamlSequenceNode sequence => string.Join(" ", sequence.Select(i => (i as YamlScalarNode)?.Value)),
                _ => "{…}",
            };
        }

        return result;
    }

    private static IEnumerable<string> Labels(YamlNode node) => ((YamlMappingNode)node).Select(kv => $"{kv.Key}={kv.Value}");

    private static IEnumerable<string> ProjectReferences() =>
        Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'));

    [GeneratedRegex(@"(?m)^\s*(?:ENV\s+)?([A-Za-z][A-Za-z0-9_]*__[A-Za-z0-9_]+|ASPNETCORE_URLS|DOTNET_gcServer)=")]
    private static partial Regex EnvAssignments();
}
