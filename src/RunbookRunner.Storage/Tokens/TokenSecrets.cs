using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RunbookRunner.Storage.Tokens;

/// <summary>Token plaintexts (<c>rbk_</c> + 32 random bytes in base64url) and the SHA-256 stored in their place.</summary>
internal static class TokenSecrets
{
    public const string Prefix = "rbk_";

    public static string NewPlaintext() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // A plain hash suffices: the plaintext has 256 bits of entropy, so there is nothing to brute-force.
    public static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));
}
