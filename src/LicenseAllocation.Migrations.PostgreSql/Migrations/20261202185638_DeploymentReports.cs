using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LicenseAllocation.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeviceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastSeen = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Active = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delimiter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentColumnMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentGroupMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Group = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MappingName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Devices = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Group = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Product = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Installed = table.Column<bool>(type: "boolean", nullable: false),
                    OtherProduct = table.Column<bool>(type: "boolean", nullable: false),
                    Outdated = table.Column<bool>(type: "boolean", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false)
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
