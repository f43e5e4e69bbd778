using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecurityAuth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "prev_hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Rows written before the chain: numbered per district in time order; AuditChainBackfill hashes them at start-up.
            migrationBuilder.Sql("UPDATE audit_entries SET sequence = n.rn FROM (SELECT district_code AS d, id AS i, ROW_NUMBER() OVER (PARTITION BY district_code ORDER BY at, id) AS rn FROM audit_entries) AS n WHERE audit_entries.district_code = n.d AND audit_entries.id = n.i");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_district_code_sequence",
                table: "audit_entries",
                columns: new[] { "district_code", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_district_code_sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "prev_hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "audit_entries");
        }
    }
}
