using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Core.Expressions;

namespace RunbookRunner.Core.Tests.Expressions;

public class SecretRedactorTests
{
    [Fact]
    public void Redact_EverySecretOccurrence_IsMasked()
    {
        var redactor = new SecretRedactor(["s3cr3t", "token-abc"]);

        redactor.Redact("a s3cr3t b token-abc c s3cr3t").Should().Be("a *** b *** c ***");
    }

    [Fact]
    public void Redact_SecretContainingAnother_IsMaskedWhole()
    {
        var redactor = new SecretRedactor(["abc", "xxabcxx"]);

        redactor.Redact("[xxabcxx] [abc]").Should().Be("[***] [***]");
    }

    [Fact]
    public void Redact_JsonAndUrlEncodedForms_AreMasked()
    {
        const string secret = "p\"w/d+1 <x>";
        var redactor = new SecretRedactor([secret]);

        redactor.Redact(JsonSerializer.Serialize(new { password = secret })).Should().Be("{\"password\":\"***\"}");
        redactor.Redact("{\"password\":\"p\\\"w/d+1 <x>\"}").Should().Be("{\"password\":\"***\"}");
        redactor.Redact("https://h/?p=" + Uri.EscapeDataString(secret)).Should().Be("https://h/?p=***");
    }

    [Fact]
    public void Redact_SecretReadFromFileWithNewline_MasksTheTrimmedValue()
    {
        new SecretRedactor(["hunter2\n"]).Redact("Authorization: Bearer hunter2").Should().Be("Authorization: Bearer ***");
    }

    [Fact]
    public void Redact_EmptySecretsAndText_AreHarmless()
    {
        var redactor = new SecretRedactor(["", null!]);

        redactor.IsEmpty.Should().BeTrue();
        redactor.Redact("nothing to hide").Should().Be("nothing to hide");
        SecretRedactor.None.Redact(string.Empty).Should().BeEmpty();
    }
}
