using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Postgres
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

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<int>(
                name: "chain",
                table: "audit_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code_name_id",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_name_initials_trgm",
                table: "registry_persons",
                column: "name_initials")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_name_trgm",
                table: "registry_persons",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "IX_registry_persons_name_initials_trgm",
                table: "registry_persons");

            migrationBuilder.DropIndex(
                name: "IX_registry_persons_name_trgm",
                table: "registry_persons");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_district_code_chain_sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "chain",
                table: "audit_entries");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
