using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_persons_district_code_area_code",
                table: "registry_persons");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_district_code_sequence",
                table: "audit_entries");

            migrationBuilder.AddColumn<int>(
                name: "chain",
                table: "audit_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code_name_id",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_district_code_chain_sequence",
                table: "audit_entries",
                columns: new[] { "district_code", "chain", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_persons_district_code_area_code_name_id",
                table: "registry_persons");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_district_code_chain_sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "chain",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_district_code_sequence",
                table: "audit_entries",
                columns: new[] { "district_code", "sequence" },
                unique: true);
        }
    }
}
