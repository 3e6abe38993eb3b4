using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecReports.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Kpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KpiEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FieldPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiEdits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KpiEdits_EntityId_Period_Id",
                table: "KpiEdits",
                columns: new[] { "EntityId", "Period", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiRecords_EntityId_Period",
                table: "KpiRecords",
                columns: new[] { "EntityId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiRecords_Period",
                table: "KpiRecords",
                column: "Period");

            // History is evidence of who changed what; the database itself refuses to rewrite it.
            migrationBuilder.Sql("""
                CREATE TRIGGER KpiEdits_NoUpdate BEFORE UPDATE ON KpiEdits
                BEGIN SELECT RAISE(ABORT, 'KpiEdits is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER KpiEdits_NoDelete BEFORE DELETE ON KpiEdits
                BEGIN SELECT RAISE(ABORT, 'KpiEdits is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS KpiEdits_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS KpiEdits_NoDelete;");
            migrationBuilder.DropTable(
                name: "KpiEdits");

            migrationBuilder.DropTable(
                name: "KpiRecords");
        }
    }
}
