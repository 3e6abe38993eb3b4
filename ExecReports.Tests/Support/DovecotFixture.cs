using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace ExecReports.Tests.Support;

// Debian's dovecot-imapd (installed by test.sh, its service never started) as a throwaway IMAP server on 127.0.0.1:
// own config, mailbox and passwd file in a temp folder, plaintext login without TLS. Run as root, mail processes use
// "nobody" (dovecot refuses uid 0 for them); otherwise everything runs as the current user.
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string User = "feedback";
    public const string Password = "imap-test-password";
    private const string Binary = "/usr/sbin/dovecot";

    private readonly TempDirectory _dir = new();

    public int Port { get; } = FreePort();

    public string ConfigPath => _dir.Combine("dovecot.conf");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"dovecot is not installed at {Binary}: run ./test.sh, which installs dovecot-imapd.");
        }

        var root = Environment.UserName == "root";
        var user = root ? "nobody" : Environment.UserName;
        var group = root ? "nogroup" : await RunAsync("id", "-gn");
        Directory.CreateDirectory(_dir.Combine("run"));
        Directory.CreateDirectory(_dir.Combine("mail"));
        if (root)
        {
            await RunAsync("chown", $"{user}:{group}", _dir.Combine("mail"));
        }

        await File.WriteAllTextAsync(_dir.Combine("passwd"), $"{User}:{{PLAIN}}{Password}\n");
        if (root && OperatingSystem.IsLinux())
        {
            // Run as root, dovecot's auth process is the "dovecot" user: it must be able to reach the passwd file in
            // the (otherwise owner-only) temp folder. Only a throwaway test password is in it.
            File.SetUnixFileMode(_dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(_dir.Combine("passwd"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var unprivileged = root ? "" : $"default_internal_user = {user}\ndefault_login_user = {user}\ndefault_internal_group = {group}\n";
        await File.WriteAllTextAsync(ConfigPath, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_dir.Combine("run")}}
            state_dir = {{_dir.Combine("run", "state")}}
            log_path = {{_dir.Combine("dovecot.log")}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{_dir.Combine("mail")}}/%u
            first_valid_uid = 1
            {{unprivileged}}
            passdb {
              driver = passwd-file
              args = {{_dir.Combine("passwd")}}
            }
            userdb {
              driver = static
              args = uid={{user}} gid={{group}} home={{_dir.Combine("mail")}}/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port.ToString(CultureInfo.InvariantCulture)}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        // The master daemonizes and its child would hold redirected pipes open forever: start it without them.
        using (var master = Process.Start(new ProcessStartInfo(Binary) { ArgumentList = { "-c", ConfigPath }, UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not start {Binary}"))
        {
            await master.WaitForExitAsync();
            if (master.ExitCode != 0)
            {
                throw new InvalidOperationException($"dovecot exited {master.ExitCode}: {Log()}");
            }
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            // Ready means a login works: imap-login listens before the auth process answers, and a login in that gap
            // is refused with "temporary authentication failure".
            try
            {
                using var client = await ConnectAsync();
                await client.DisconnectAsync(true);
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or AuthenticationException or ImapProtocolException or ImapCommandException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"dovecot did not accept a login on 127.0.0.1:{Port} within 60 s: {Log()}");
    }

    public string Log() => File.Exists(_dir.Combine("dovecot.log")) ? File.ReadAllText(_dir.Combine("dovecot.log")) : "(no log)";

    // What a mail server does when a reply arrives: the message lands in the inbox, unseen.
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    public async Task<(int Total, int Unseen)> CountAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var unseen = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen);
        var result = (client.Inbox.Count, unseen.Count);
        await client.DisconnectAsync(true);
        return result;
    }

    public IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Feedback:Source"] = "Imap",
        ["Feedback:Imap:Host"] = "127.0.0.1",
        ["Feedback:Imap:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Feedback:Imap:Security"] = "None",
        ["Feedback:Imap:Username"] = User,
        ["Feedback:Imap:Password"] = Password,
        ["Feedback:Imap:Folder"] = "INBOX",
    };

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync(Binary, "-c", ConfigPath, "stop");
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone: the temp folder is removed either way.
        }

        await Task.Delay(200);
        _dir.Dispose();
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? stdout.Trim() : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
