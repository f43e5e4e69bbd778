using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_persons_district_code_id_number",
                table: "registry_persons");

            migrationBuilder.AddColumn<string>(
                name: "bank_account",
                table: "registry_persons",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "diagnosis",
                table: "registry_persons",
                type: "TEXT",
                maxLength: 2800,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "id_number_hash",
                table: "registry_persons",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Rows written before encryption: a unique placeholder until FieldEncryptionBackfill (run after every
            // migration, also the CLI verb encrypt-existing) encrypts them and writes the real blind index.
            migrationBuilder.Sql("UPDATE registry_persons SET id_number_hash = 'legacy:' || id_number");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_id_number_hash",
                table: "registry_persons",
                columns: new[] { "district_code", "id_number_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_persons_district_code_id_number_hash",
                table: "registry_persons");

            migrationBuilder.DropColumn(
                name: "bank_account",
                table: "registry_persons");

            migrationBuilder.DropColumn(
                name: "diagnosis",
                table: "registry_persons");

            migrationBuilder.DropColumn(
                name: "id_number_hash",
                table: "registry_persons");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_id_number",
                table: "registry_persons",
                columns: new[] { "district_code", "id_number" },
                unique: true);
        }
    }
}
