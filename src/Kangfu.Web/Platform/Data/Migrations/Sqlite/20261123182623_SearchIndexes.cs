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

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code_name_id",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code", "name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_persons_district_code_area_code_name_id",
                table: "registry_persons");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code" });
        }
    }
}
