using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseAllocation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeploymentReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeploymentColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeviceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSeen = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delimiter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentColumnMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentGroupMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentGroupMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentGroupMappings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MappingName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Devices = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentSnapshots_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentDevices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Installed = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherProduct = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outdated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stale = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentDevices_DeploymentSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "DeploymentSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentColumnMappings_Name",
                table: "DeploymentColumnMappings",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentDevices_SnapshotId_Group",
                table: "DeploymentDevices",
                columns: new[] { "SnapshotId", "Group" });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentGroupMappings_Group_ValidFrom",
                table: "DeploymentGroupMappings",
                columns: new[] { "Group", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentGroupMappings_UnitId",
                table: "DeploymentGroupMappings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentSnapshots_PlanId_TakenOn",
                table: "DeploymentSnapshots",
                columns: new[] { "PlanId", "TakenOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeploymentColumnMappings");

            migrationBuilder.DropTable(
                name: "DeploymentDevices");

            migrationBuilder.DropTable(
                name: "DeploymentGroupMappings");

            migrationBuilder.DropTable(
                name: "DeploymentSnapshots");
        }
    }
}
