using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LicenseAllocation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class NeedsPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnitNeeds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Computers = table.Column<int>(type: "integer", nullable: false),
                    StatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNeeds", x => x.Id);
                    table.CheckConstraint("CK_UnitNeeds_Computers", "\"Computers\" >= 0 AND \"Computers\" <= 100000");
                    table.ForeignKey(
                        name: "FK_UnitNeeds_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitNeeds_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitNeeds_PlanId_UnitId",
                table: "UnitNeeds",
                columns: new[] { "PlanId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitNeeds_UnitId",
                table: "UnitNeeds",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitNeeds");
        }
    }
}
