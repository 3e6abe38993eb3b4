using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

// Any IMAP mailbox: unseen messages of Feedback:Imap:Folder, flagged \Seen once recorded. The source key carries the
// folder's UIDVALIDITY, so a rebuilt mailbox is not mistaken for the old one.
public sealed class ImapFeedbackSource(IOptions<FeedbackOptions> options) : IFeedbackSource, IAsyncDisposable
{
    private ImapClient? _client;
    private IMailFolder? _folder;
    private readonly Dictionary<string, UniqueId> _uids = new(StringComparer.Ordinal);

    public string Name => "Imap";

    public async Task<IReadOnlyList<InboundMessage>> FetchAsync(int max, Func<string, Task<bool>> alreadyTaken, CancellationToken cancellationToken)
    {
        var folder = await OpenAsync(cancellationToken);
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        var messages = new List<InboundMessage>();
        foreach (var uid in unseen.OrderBy(u => u.Id))
        {
            var key = $"imap:{options.Value.Imap.Folder}/{folder.UidValidity.ToString(CultureInfo.InvariantCulture)}/{uid.Id.ToString(CultureInfo.InvariantCulture)}";
            if (await alreadyTaken(key))
            {
                // Recorded before but the \Seen flag was lost (a crash in between): flag it now, take nothing.
                await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, cancellationToken);
                continue;
            }

            if (messages.Count >= max)
            {
                break;
            }

            using var stream = new MemoryStream();
            // GetStream leaves the message unseen (BODY.PEEK): only a recorded message gets its flag.
            using (var body = await folder.GetStreamAsync(uid, cancellationToken))
            {
                await CopyLimitedAsync(body, stream, options.Value.MaxMessageBytes, cancellationToken);
            }

            _uids[key] = uid;
            messages.Add(new InboundMessage(key, stream.ToArray()));
        }

        return messages;
    }

    public async Task MarkTakenAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (_folder is not null && _uids.TryGetValue(message.SourceKey, out var uid))
        {
            await _folder.AddFlagsAsync(uid, MessageFlags.Seen, true, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            await _client.DisconnectAsync(true);
        }

        _client?.Dispose();
    }

    // A message over the size limit is read only to one byte past it: enough for the service to quarantine it as too large.
    private static async Task CopyLimitedAsync(Stream from, Stream to, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total <= limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit + 1 - total)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }
    }

    private async Task<IMailFolder> OpenAsync(CancellationToken cancellationToken)
    {
        if (_folder is not null)
        {
            return _folder;
        }

        var imap = options.Value.Imap;
        _client = new ImapClient { Timeout = 30_000 };
        var security = imap.Security switch
        {
            "None" => SecureSocketOptions.None,
            "StartTls" => SecureSocketOptions.StartTls,
            "Auto" => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await _client.ConnectAsync(imap.Host, imap.Port, security, cancellationToken);
        if (imap.Username.Length > 0)
        {
            await _client.AuthenticateAsync(imap.Username, imap.Password, cancellationToken);
        }

        var folder = string.Equals(imap.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? _client.Inbox : await _client.GetFolderAsync(imap.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        return _folder = folder;
    }
}
