using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecReports.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackActionItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    AnnotationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackActionItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackAnnotations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DispatchItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Line = table.Column<int>(type: "INTEGER", nullable: true),
                    MetricId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QuotedText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAnnotations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Authentication = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    AnnotationId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackActionItemChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackActionItemChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackActionItemChanges_FeedbackActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "FeedbackActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackActionItemChanges_ActionItemId_Id",
                table: "FeedbackActionItemChanges",
                columns: new[] { "ActionItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackActionItems_Status",
                table: "FeedbackActionItems",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnnotations_Role_Period",
                table: "FeedbackAnnotations",
                columns: new[] { "Role", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_MessageId",
                table: "FeedbackMessages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_SourceKey",
                table: "FeedbackMessages",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackActionItemChanges");

            migrationBuilder.DropTable(
                name: "FeedbackAnnotations");

            migrationBuilder.DropTable(
                name: "FeedbackMessages");

            migrationBuilder.DropTable(
                name: "FeedbackActionItems");
        }
    }
}
