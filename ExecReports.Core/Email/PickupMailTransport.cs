using ExecReports.Core.Configuration;
using ExecReports.Core.Health;
using MimeKit;

namespace ExecReports.Core.Email;

// Writes each message as an .eml file, so the embedded default needs no mail server.
public sealed class PickupMailTransport(AppPaths paths) : IMailTransport
{
    public string Name => "Pickup";

    public async Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Outbox);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }

        var safeId = string.Concat(message.MessageId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var path = Path.Combine(paths.Outbox, $"{safeId}.eml");
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // Rename last so a reader of the folder never sees half a message.
        File.Move(temp, path, overwrite: true);
        return new MailSendResult(message.MessageId, $"written {Path.GetFileName(path)}");
    }

    public Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WritableFolder.Check(paths.Outbox, "pickup folder"));
}
