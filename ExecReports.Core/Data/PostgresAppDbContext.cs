using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Data;

// Resolved as AppDbContext when Database:Provider is Postgres; its migrations are in Data/Migrations/Postgres.
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
