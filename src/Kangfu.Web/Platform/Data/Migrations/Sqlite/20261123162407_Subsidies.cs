using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Subsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_plans",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_plans", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_services_plans_referrals_cases_district_code_case_id",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_sessions",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    provider_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    device_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    settlement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_sessions", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_services_sessions_referrals_cases_district_code_case_id",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidies_applications",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    service_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_item_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    service_item_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    application_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_requested = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    amount_approved = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    fund_source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_applications", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_subsidies_applications_referrals_cases_district_code_case_id",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_subsidies_applications_registry_persons_district_code_person_id",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidies_fund_sources",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_fund_sources", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "subsidies_service_cards",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_service_cards", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_subsidies_service_cards_registry_persons_district_code_person_id",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidies_decisions",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<int>(type: "INTEGER", nullable: false),
                    to = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_decisions", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_subsidies_decisions_subsidies_applications_district_code_application_id",
                        columns: x => new { x.district_code, x.application_id },
                        principalTable: "subsidies_applications",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidies_budgets",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fund_source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    approved = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_budgets", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_subsidies_budgets_subsidies_fund_sources_district_code_fund_source_id",
                        columns: x => new { x.district_code, x.fund_source_id },
                        principalTable: "subsidies_fund_sources",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidies_service_card_items",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    card_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_item_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    service_item_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fund_source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    approved_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidies_service_card_items", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_subsidies_service_card_items_subsidies_applications_district_code_application_id",
                        columns: x => new { x.district_code, x.application_id },
                        principalTable: "subsidies_applications",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_subsidies_service_card_items_subsidies_service_cards_district_code_card_id",
                        columns: x => new { x.district_code, x.card_id },
                        principalTable: "subsidies_service_cards",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_settlements",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    card_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instant = table.Column<bool>(type: "INTEGER", nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    subsidy_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    own_share = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    balance_after = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_settlements", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_services_settlements_subsidies_service_card_items_district_code_card_item_id",
                        columns: x => new { x.district_code, x.card_item_id },
                        principalTable: "subsidies_service_card_items",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_services_plans_district_code_case_id",
                table: "services_plans",
                columns: new[] { "district_code", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_sessions_district_code_case_id_date",
                table: "services_sessions",
                columns: new[] { "district_code", "case_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_services_settlements_district_code_card_item_id",
                table: "services_settlements",
                columns: new[] { "district_code", "card_item_id" });

            migrationBuilder.CreateIndex(
                name: "IX_services_settlements_district_code_number",
                table: "services_settlements",
                columns: new[] { "district_code", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_applications_district_code_case_id",
                table: "subsidies_applications",
                columns: new[] { "district_code", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_applications_district_code_person_id_year",
                table: "subsidies_applications",
                columns: new[] { "district_code", "person_id", "year" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_applications_district_code_state_area_code",
                table: "subsidies_applications",
                columns: new[] { "district_code", "state", "area_code" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_budgets_district_code_fund_source_id_year",
                table: "subsidies_budgets",
                columns: new[] { "district_code", "fund_source_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_decisions_district_code_application_id_at",
                table: "subsidies_decisions",
                columns: new[] { "district_code", "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_fund_sources_district_code_name",
                table: "subsidies_fund_sources",
                columns: new[] { "district_code", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_card_items_district_code_application_id",
                table: "subsidies_service_card_items",
                columns: new[] { "district_code", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_card_items_district_code_card_id",
                table: "subsidies_service_card_items",
                columns: new[] { "district_code", "card_id" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_card_items_district_code_case_id",
                table: "subsidies_service_card_items",
                columns: new[] { "district_code", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_cards_district_code_number",
                table: "subsidies_service_cards",
                columns: new[] { "district_code", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_cards_district_code_person_id_year",
                table: "subsidies_service_cards",
                columns: new[] { "district_code", "person_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidies_service_cards_district_code_year_sequence",
                table: "subsidies_service_cards",
                columns: new[] { "district_code", "year", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_plans");

            migrationBuilder.DropTable(
                name: "services_sessions");

            migrationBuilder.DropTable(
                name: "services_settlements");

            migrationBuilder.DropTable(
                name: "subsidies_budgets");

            migrationBuilder.DropTable(
                name: "subsidies_decisions");

            migrationBuilder.DropTable(
                name: "subsidies_service_card_items");

            migrationBuilder.DropTable(
                name: "subsidies_fund_sources");

            migrationBuilder.DropTable(
                name: "subsidies_applications");

            migrationBuilder.DropTable(
                name: "subsidies_service_cards");
        }
    }
}
