using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseAllocation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DecisionsByLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PendingAmendmentId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LevelFrozen",
                table: "AllocationNodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LevelDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuingUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Signer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppendixWorkbook = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AppendixSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LevelDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LevelDecisions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LevelDecisions_Units_IssuingUnitId",
                        column: x => x.IssuingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LevelDecisions_IssuingUnitId",
                table: "LevelDecisions",
                column: "IssuingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LevelDecisions_PlanId_IssuingUnitId_Version",
                table: "LevelDecisions",
                columns: new[] { "PlanId", "IssuingUnitId", "Version" },
                unique: true);

            // Plans published before decisions by level were published as a whole: every level of them stays as it was issued.
            migrationBuilder.Sql("UPDATE \"AllocationNodes\" SET \"LevelFrozen\" = 1 WHERE \"PlanId\" IN (SELECT \"Id\" FROM \"Plans\" WHERE \"Status\" <> 'Draft')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LevelDecisions");

            migrationBuilder.DropColumn(
                name: "PendingAmendmentId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LevelFrozen",
                table: "AllocationNodes");
        }
    }
}
