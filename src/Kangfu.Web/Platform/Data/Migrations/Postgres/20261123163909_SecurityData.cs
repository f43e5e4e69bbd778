using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "surveys_intakes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "certificate_number",
                table: "surveys_intakes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "registry_persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "registry_persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(18)",
                oldFixedLength: true,
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "guardian_phone",
                table: "registry_persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "certificate_number",
                table: "registry_persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_account",
                table: "registry_persons",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "diagnosis",
                table: "registry_persons",
                type: "character varying(2800)",
                maxLength: 2800,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "id_number_hash",
                table: "registry_persons",
                type: "character(64)",
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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "surveys_intakes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "certificate_number",
                table: "surveys_intakes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "registry_persons",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "registry_persons",
                type: "character(18)",
                fixedLength: true,
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "guardian_phone",
                table: "registry_persons",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "certificate_number",
                table: "registry_persons",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_id_number",
                table: "registry_persons",
                columns: new[] { "district_code", "id_number" },
                unique: true);
        }
    }
}
