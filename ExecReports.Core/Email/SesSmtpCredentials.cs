using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ExecReports.Core.Email;

// SES's SMTP interface takes the IAM access key id as username and a password derived from the secret key
// (AWS "Obtaining Amazon SES SMTP credentials": SigV4 key derivation over a fixed date, then version byte 0x04).
public static partial class SesSmtpCredentials
{
    private const string Date = "11111111";
    private const string Service = "ses";
    private const string Terminal = "aws4_request";
    private const string Message = "SendRawEmail";
    private const byte Version = 0x04;

    public static string Endpoint(string region) => $"email-smtp.{region}.amazonaws.com";

    public const int StartTlsPort = 587;

    public static string DerivePassword(string secretAccessKey, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentException.ThrowIfNullOrEmpty(region);

        var signature = Sign(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Date);
        foreach (var part in new[] { region, Service, Terminal, Message })
        {
            signature = Sign(signature, part);
        }

        return Convert.ToBase64String([Version, .. signature]);
    }

    public static bool IsRegionName(string? region) => region is not null && RegionPattern().IsMatch(region);

    private static byte[] Sign(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
