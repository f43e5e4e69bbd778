using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "completed_on",
                table: "referrals_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "device_codes",
                table: "referrals_cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fitting_scheme",
                table: "referrals_cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "data_json",
                table: "referrals_case_transitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "completed_on",
                table: "referrals_cases");

            migrationBuilder.DropColumn(
                name: "device_codes",
                table: "referrals_cases");

            migrationBuilder.DropColumn(
                name: "fitting_scheme",
                table: "referrals_cases");

            migrationBuilder.DropColumn(
                name: "data_json",
                table: "referrals_case_transitions");
        }
    }
}
