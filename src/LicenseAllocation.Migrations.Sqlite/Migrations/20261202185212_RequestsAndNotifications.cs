using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseAllocation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestsAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LicenceRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Requested = table.Column<int>(type: "INTEGER", nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: true),
                    Posted = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SourceUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangeSetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuantityAtRequest = table.Column<int>(type: "INTEGER", nullable: false),
                    HandedOnAtRequest = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenceRequests", x => x.Id);
                    table.CheckConstraint("CK_LicenceRequests_Approved", "\"Approved\" IS NULL OR (\"Approved\" >= 0 AND \"Approved\" <= \"Requested\")");
                    table.CheckConstraint("CK_LicenceRequests_Posted", "(\"Posted\" IS NULL AND \"Approved\" IS NULL) OR \"Posted\" = \"Approved\"");
                    table.CheckConstraint("CK_LicenceRequests_Requested", "\"Requested\" > 0");
                    table.ForeignKey(
                        name: "FK_LicenceRequests_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LicenceRequests_Units_SourceUnitId",
                        column: x => x.SourceUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LicenceRequests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceRequests_PlanId_Status",
                table: "LicenceRequests",
                columns: new[] { "PlanId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceRequests_PlanId_UnitId",
                table: "LicenceRequests",
                columns: new[] { "PlanId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceRequests_RequestedBy",
                table: "LicenceRequests",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceRequests_SourceUnitId",
                table: "LicenceRequests",
                column: "SourceUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceRequests_UnitId",
                table: "LicenceRequests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PlanId",
                table: "Notifications",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "Recipient", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "Recipient", "ReadAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenceRequests");

            migrationBuilder.DropTable(
                name: "Notifications");
        }
    }
}
