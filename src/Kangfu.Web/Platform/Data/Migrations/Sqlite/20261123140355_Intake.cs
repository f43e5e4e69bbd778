using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_surveys_intakes_district_code_person_id_year",
                table: "surveys_intakes");

            migrationBuilder.AddColumn<bool>(
                name: "autism",
                table: "surveys_intakes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "certificate_number",
                table: "surveys_intakes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_name",
                table: "surveys_intakes",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "guardian_relation",
                table: "surveys_intakes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "surveys_intakes",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "surveys_intakes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sex",
                table: "surveys_intakes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_intakes_district_code_person_id_year",
                table: "surveys_intakes",
                columns: new[] { "district_code", "person_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_surveys_intakes_district_code_person_id_year",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "autism",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "certificate_number",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "guardian_name",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "guardian_relation",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "name",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "surveys_intakes");

            migrationBuilder.DropColumn(
                name: "sex",
                table: "surveys_intakes");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_intakes_district_code_person_id_year",
                table: "surveys_intakes",
                columns: new[] { "district_code", "person_id", "year" });
        }
    }
}
