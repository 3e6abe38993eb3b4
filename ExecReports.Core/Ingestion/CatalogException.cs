namespace ExecReports.Core.Ingestion;

public sealed record CatalogProblem(string File, long Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

public sealed class CatalogException(string file, IReadOnlyList<CatalogProblem> problems)
    : Exception(BuildMessage(file, problems))
{
    public string File { get; } = file;
    public IReadOnlyList<CatalogProblem> Problems { get; } = problems;

    private static string BuildMessage(string file, IReadOnlyList<CatalogProblem> problems) =>
        $"Entity catalog '{file}' is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
