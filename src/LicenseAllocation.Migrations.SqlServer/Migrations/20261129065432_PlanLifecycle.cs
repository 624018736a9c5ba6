using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseAllocation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlanLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_Year_Name",
                table: "Plans");

            migrationBuilder.AddColumn<int>(
                name: "AmendmentOfId",
                table: "Plans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSigner",
                table: "Plans",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LicenceTermEnd",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LicenceTermStart",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Plans",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "Plans",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Vendor",
                table: "Plans",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Plans",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "PublishedAppendices",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedAppendices", x => x.PlanId);
                    table.ForeignKey(
                        name: "FK_PublishedAppendices_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AmendmentOfId",
                table: "Plans",
                column: "AmendmentOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Year_Name_Version",
                table: "Plans",
                columns: new[] { "Year", "Name", "Version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_AmendmentOfId",
                table: "Plans",
                column: "AmendmentOfId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_AmendmentOfId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "PublishedAppendices");

            migrationBuilder.DropIndex(
                name: "IX_Plans_AmendmentOfId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Year_Name_Version",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "AmendmentOfId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "DocumentSigner",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LicenceTermEnd",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LicenceTermStart",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PublishedAtUtc",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Vendor",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Year_Name",
                table: "Plans",
                columns: new[] { "Year", "Name" },
                unique: true);
        }
    }
}
