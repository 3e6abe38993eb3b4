namespace ExecReports.Core.Data;

// Later features register their own sample data; each step runs once per database.
public interface ISeedStep
{
    string Name { get; }
    int Order { get; }
    Task SeedAsync(AppDbContext db, CancellationToken cancellationToken);
}
