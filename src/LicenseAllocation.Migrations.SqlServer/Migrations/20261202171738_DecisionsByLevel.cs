using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseAllocation.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LevelFrozen",
                table: "AllocationNodes",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LevelDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    IssuingUnitId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DocumentKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IssuingBody = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AppendixWorkbook = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    AppendixSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql("UPDATE [AllocationNodes] SET [LevelFrozen] = 1 WHERE [PlanId] IN (SELECT [Id] FROM [Plans] WHERE [Status] <> 'Draft')");
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
