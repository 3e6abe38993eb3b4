using System.Text.Json.Serialization;

namespace ExecReports.Core.Health;

public sealed record ComponentHealth(string Status, string Detail)
{
    public static ComponentHealth Ok(string detail) => new("ok", detail);
    public static ComponentHealth Failed(string detail) => new("error", detail);
    [JsonIgnore]
    public bool IsOk => Status == "ok";
}
