using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace ExecReports.Core.Feedback;

// The per-message token in a report's Reply-To local part ("reports+TOKEN@domain"). It is derived from the stored
// Message-ID (random per send), so nothing extra is stored and a resend gets a token of its own.
public static class ReplyToken
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    public const int Length = 16;

    public static string For(string messageId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(messageId.Trim('<', '>', ' ')));
        var sb = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            sb.Append(Alphabet[hash[i] & 31]);
        }

        return sb.ToString();
    }

    // "reports@example.com" + token → "reports+token@example.com". Null when there is no reply address.
    public static MailboxAddress? Address(string replyAddress, string messageId)
    {
        if (!TrySplit(replyAddress, out var local, out var domain))
        {
            return null;
        }

        return new MailboxAddress(null, $"{local}+{For(messageId)}@{domain}");
    }

    public static bool TrySplit(string address, out string local, out string domain)
    {
        local = domain = "";
        if (!MailboxAddress.TryParse(address, out var mailbox))
        {
            return false;
        }

        var at = mailbox.Address.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        local = mailbox.Address[..at];
        domain = mailbox.Address[(at + 1)..];
        return domain.Length > 0 && !local.Contains('+', StringComparison.Ordinal);
    }

    // Tokens found in the addresses a reply was sent to ("anything+TOKEN@…").
    public static IEnumerable<string> Find(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            var at = address.LastIndexOf('@');
            var plus = at > 0 ? address.LastIndexOf('+', at - 1) : -1;
            if (plus >= 0 && at - plus - 1 == Length)
            {
                var token = address[(plus + 1)..at].ToLowerInvariant();
                if (token.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
                {
                    yield return token;
                }
            }
        }
    }
}
