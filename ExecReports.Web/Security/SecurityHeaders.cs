using System.Security.Cryptography;

namespace ExecReports.Web.Security;

// Headers on every response. The CSP allows what Blazor Server and MudBlazor need and nothing else: scripts from
// the app itself plus the one inline import map (by a per-request nonce), the circuit's WebSocket to the same
// origin, and inline styles (MudBlazor sets style attributes on its components).
public static class SecurityHeaders
{
    private const string NonceKey = "ExecReports.CspNonce";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Hex, so the attribute needs no HTML encoding and matches the header byte for byte.
            var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
}
