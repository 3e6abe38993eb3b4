using System.Net;
using ExecReports.Core.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Core.Email;

// Transport settings are required only for the transport that is chosen; every address must parse.
// With the configuration at hand it also catches a recipient list given as one value, which binding drops.
public sealed class EmailOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (configuration is not null)
        {
            CheckListsHaveIndexes(errors, configuration.GetSection($"{EmailOptions.SectionName}:Recipients"));
        }

        CheckAddress(errors, "Email:From", options.From);
        if (!string.IsNullOrWhiteSpace(options.AuditAddress))
        {
            CheckAddress(errors, "Email:AuditAddress", options.AuditAddress);
        }

        foreach (var (role, list) in options.Recipients)
        {
            if (role != EmailOptions.DefaultRecipientsKey && ReportRole.Find(role) is null)
            {
                errors.Add($"Email:Recipients:{role} is not a report role; use Default or one of {string.Join(", ", ReportRole.All.Select(r => r.Id))}.");
            }

            for (var i = 0; i < list.To.Count; i++)
            {
                CheckAddress(errors, $"Email:Recipients:{role}:To:{i}", list.To[i]);
            }

            for (var i = 0; i < list.Bcc.Count; i++)
            {
                CheckAddress(errors, $"Email:Recipients:{role}:Bcc:{i}", list.Bcc[i]);
            }
        }

        errors.AddRange(options.Retry.Validate("Email:Retry"));

        switch (options.Transport)
        {
            case "Smtp":
                ValidateSmtp(errors, options.Smtp);
                break;
            case "Ses":
                ValidateSes(errors, options.Ses);
                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSmtp(List<string> errors, SmtpSettings smtp)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            errors.Add("Email:Smtp:Host is required when Email:Transport is Smtp.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            errors.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!string.IsNullOrEmpty(smtp.Username) && string.IsNullOrEmpty(smtp.Password))
        {
            errors.Add("Email:Smtp:Password is required when Email:Smtp:Username is set.");
        }

        // Credentials in clear text are only acceptable to a relay on this machine.
        if (smtp.Security == SmtpSecurity.None
            && (!string.IsNullOrEmpty(smtp.Username) || !string.IsNullOrEmpty(smtp.Password))
            && !string.IsNullOrWhiteSpace(smtp.Host) && !IsLoopback(smtp.Host))
        {
            errors.Add($"Email:Smtp:Security is None but Email:Smtp:Username/Email:Smtp:Password are set for Email:Smtp:Host '{smtp.Host}', "
                + "which is not loopback: the credentials would cross the network unencrypted. Use StartTls or SslOnConnect, or drop the credentials.");
        }
    }

    internal static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // "Email__Recipients__Default__To=x@y" (no index) next to the settings file's indexed list is dropped by the
    // binder without a word, and the old list is used; stop instead, naming the key and its indexed form.
    private static void CheckListsHaveIndexes(List<string> errors, IConfigurationSection recipients)
    {
        foreach (var role in recipients.GetChildren())
        {
            foreach (var list in role.GetChildren())
            {
                if (!string.IsNullOrEmpty(list.Value))
                {
                    var key = $"Email:Recipients:{role.Key}:{list.Key}";
                    errors.Add($"{key} is a single value, but it is a list: use {key}:0 (environment: {key.Replace(":", "__", StringComparison.Ordinal)}__0), {key}:1 and so on.");
                }
            }
        }
    }

    private static void ValidateSes(List<string> errors, SesSettings ses)
    {
        if (!SesSmtpCredentials.IsRegionName(ses.Region))
        {
            errors.Add($"Email:Ses:Region '{ses.Region}' is not an AWS region name such as us-west-2.");
        }

        var hasSmtpPair = !string.IsNullOrEmpty(ses.SmtpUsername) || !string.IsNullOrEmpty(ses.SmtpPassword);
        var hasKeyPair = !string.IsNullOrEmpty(ses.AccessKeyId) || !string.IsNullOrEmpty(ses.SecretAccessKey);
        if (hasSmtpPair)
        {
            RequireBoth(errors, "Email:Ses:SmtpUsername", ses.SmtpUsername, "Email:Ses:SmtpPassword", ses.SmtpPassword);
        }
        else if (hasKeyPair)
        {
            RequireBoth(errors, "Email:Ses:AccessKeyId", ses.AccessKeyId, "Email:Ses:SecretAccessKey", ses.SecretAccessKey);
        }
        else
        {
            errors.Add("Email:Transport is Ses but no credentials are set: give Email:Ses:SmtpUsername and Email:Ses:SmtpPassword, "
                + "or Email:Ses:AccessKeyId and Email:Ses:SecretAccessKey.");
        }
    }

    private static void RequireBoth(List<string> errors, string firstKey, string first, string secondKey, string second)
    {
        if (string.IsNullOrEmpty(first))
        {
            errors.Add($"{firstKey} is required with {secondKey}.");
        }

        if (string.IsNullOrEmpty(second))
        {
            errors.Add($"{secondKey} is required with {firstKey}.");
        }
    }

    private static void CheckAddress(List<string> errors, string key, string? value)
    {
        if (!IsSingleAddress(value))
        {
            errors.Add($"{key} '{value}' is not a valid email address.");
        }
    }

    internal static bool IsSingleAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.IndexOfAny(['\r', '\n']) < 0
        && MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address.Contains('@', StringComparison.Ordinal);
}
