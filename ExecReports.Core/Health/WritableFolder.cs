namespace ExecReports.Core.Health;

internal static class WritableFolder
{
    public static ComponentHealth Check(string path, string what)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return ComponentHealth.Ok($"{what} writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ComponentHealth.Failed($"{what} not writable: {ex.GetType().Name}");
        }
    }
}
