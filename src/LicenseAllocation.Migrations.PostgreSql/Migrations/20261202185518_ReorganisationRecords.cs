using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LicenseAllocation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReorganisationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "Units",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReorganisationId",
                table: "Units",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reorganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RootUnitId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reorganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reorganisations_Units_RootUnitId",
                        column: x => x.RootUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReorganisationLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReorganisationId = table.Column<int>(type: "integer", nullable: false),
                    NewUnitId = table.Column<int>(type: "integer", nullable: false),
                    OldUnitId = table.Column<int>(type: "integer", nullable: true),
                    OldCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OldName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Share = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Partial = table.Column<bool>(type: "boolean", nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganisationLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganisationLinks_Reorganisations_ReorganisationId",
                        column: x => x.ReorganisationId,
                        principalTable: "Reorganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorganisationLinks_Units_NewUnitId",
                        column: x => x.NewUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorganisationLinks_Units_OldUnitId",
                        column: x => x.OldUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Units_AgencyCode",
                table: "Units",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_Units_ReorganisationId",
                table: "Units",
                column: "ReorganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationLinks_NewUnitId",
                table: "ReorganisationLinks",
                column: "NewUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationLinks_OldUnitId",
                table: "ReorganisationLinks",
                column: "OldUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationLinks_ReorganisationId_NewUnitId_Order",
                table: "ReorganisationLinks",
                columns: new[] { "ReorganisationId", "NewUnitId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_Name_EffectiveFrom",
                table: "Reorganisations",
                columns: new[] { "Name", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_RootUnitId",
                table: "Reorganisations",
                column: "RootUnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Units_Reorganisations_ReorganisationId",
                table: "Units",
                column: "ReorganisationId",
                principalTable: "Reorganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Units_Reorganisations_ReorganisationId",
                table: "Units");

            migrationBuilder.DropTable(
                name: "ReorganisationLinks");

            migrationBuilder.DropTable(
                name: "Reorganisations");

            migrationBuilder.DropIndex(
                name: "IX_Units_AgencyCode",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Units_ReorganisationId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ReorganisationId",
                table: "Units");
        }
    }
}
