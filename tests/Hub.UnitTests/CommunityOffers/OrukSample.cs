namespace Hub.UnitTests.CommunityOffers;

/// <summary>
/// A council directory extract in Open Referral UK (HSDS 3.0) form, as the invented Borough of
/// Marrowby might publish it: three services from three invented organisations. Postcodes use the
/// non-existent MW area and phone numbers come from Ofcom's ranges kept for drama.
/// </summary>
internal static class OrukSample
{
    public static readonly DateTimeOffset ImportedAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public const string Json = """
        [
          {
            "id": "3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b6c",
            "organization_id": "a7d24c11-0b9e-4f6a-8c3d-2e1f0a9b8c7d",
            "name": "Debt and benefits drop-in",
            "description": "Free, confidential help with debts, benefit claims and appeals, and making your money go further.",
            "url": "https://moneymatters.example.org/drop-in",
            "email": "dropin@moneymatters.example.org",
            "status": "active",
            "last_modified": "2026-02-11T14:05:00.000Z",
            "assured_date": "2026-02-01",
            "organization": {
              "id": "a7d24c11-0b9e-4f6a-8c3d-2e1f0a9b8c7d",
              "name": "Marrowby Money Matters",
              "description": "An independent advice charity for people living or working in Marrowby.",
              "website": "https://moneymatters.example.org",
              "email": "hello@moneymatters.example.org"
            },
            "phones": [
              { "id": "5c1d3b0a-7e2f-4a9b-8c6d-0e1f2a3b4c5d", "number": "01632 960 123", "description": "Advice line" }
            ],
            "schedules": [
              {
                "id": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
                "freq": "WEEKLY",
                "interval": 1,
                "byday": "TU,TH",
                "opens_at": "10:00:00",
                "closes_at": "13:00:00",
                "description": "Drop in any time in these hours; no appointment needed"
              }
            ],
            "service_at_locations": [
              {
                "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "location": {
                  "id": "e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c",
                  "location_type": "physical",
                  "name": "Marrowby Central Library",
                  "latitude": 53.7102,
                  "longitude": -1.8431,
                  "addresses": [
                    {
                      "id": "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a",
                      "address_1": "14 Market Street",
                      "city": "Marrowby",
                      "state_province": "West Riding",
                      "postal_code": "MW1 4QT",
                      "country": "GB",
                      "address_type": "physical"
                    }
                  ]
                }
              }
            ],
            "languages": [
              { "id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "name": "English", "code": "en" },
              { "id": "3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f", "name": "Urdu", "code": "ur" }
            ],
            "cost_options": [
              { "id": "4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a", "amount": 0, "currency": "GBP" }
            ],
            "attributes": [
              {
                "id": "5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8a9b",
                "taxonomy_term_id": "mw-debt",
                "taxonomy_term": { "id": "mw-debt", "name": "Debt advice", "taxonomy": "marrowby-directory" }
              },
              {
                "id": "6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8a9b0c",
                "taxonomy_term": { "id": "mw-benefits", "name": "Welfare benefits", "taxonomy": "marrowby-directory" }
              }
            ]
          },
          {
            "id": "nwf-walk-and-talk",
            "name": "Walk and Talk",
            "description": "A gentle hour's walk round Northgate Park with people who have been through tough times too. Go at your own pace.",
            "url": "https://northgatewalking.example.org",
            "status": "active",
            "organization": { "id": "nwf", "name": "Northgate Walking Friends" },
            "contacts": [
              {
                "id": "7a8b9c0d-1e2f-4a3b-8c4d-6e7f8a9b0c1d",
                "name": "Walk leader",
                "phones": [ { "id": "8b9c0d1e-2f3a-4b4c-9d5e-7f8a9b0c1d2e", "number": "0113 496 0457" } ]
              }
            ],
            "schedules": [
              { "id": "9c0d1e2f-3a4b-4c5d-8e6f-8a9b0c1d2e3f", "freq": "WEEKLY", "byday": "WE", "opens_at": "18:00", "closes_at": "19:30" },
              { "id": "0d1e2f3a-4b5c-4d6e-9f7a-9b0c1d2e3f4a", "freq": "MONTHLY", "byday": "1SA", "opens_at": "10:00", "closes_at": "12:30" }
            ],
            "service_at_locations": [
              {
                "id": "1e2f3a4b-5c6d-4e7f-8a8b-0c1d2e3f4a5b",
                "location_id": "nwf-meet-point",
                "location": {
                  "id": "nwf-meet-point",
                  "name": "Northgate Park main gates",
                  "addresses": [
                    { "address_1": "Northgate Park, Park Road", "city": "Marrowby", "postal_code": "mw2 7hx", "country": "GB", "address_type": "physical" }
                  ]
                }
              }
            ],
            "languages": [ { "name": "English" } ],
            "cost_options": [
              { "id": "2f3a4b5c-6d7e-4f8a-9b9c-1d2e3f4a5b6c", "option": "Each walk", "amount": 2, "currency": "GBP", "amount_description": "suggested donation" }
            ],
            "attributes": [
              { "id": "3a4b5c6d-7e8f-4a9b-8c0d-2e3f4a5b6c7d", "taxonomy_term": { "id": "mw-physical", "name": "Physical activity", "taxonomy": "marrowby-directory" } },
              { "id": "4b5c6d7e-8f9a-4b0c-9d1e-3f4a5b6c7d8e", "taxonomy_term": { "id": "mw-befriending", "name": "Befriending and social groups", "taxonomy": "marrowby-directory" } },
              { "id": "5c6d7e8f-9a0b-4c1d-8e2f-4a5b6c7d8e9f", "taxonomy_term": { "id": "peer-led", "name": "Peer-led", "taxonomy": "livingwellhub-flags" } },
              { "id": "6d7e8f9a-0b1c-4d2e-9f3a-5b6c7d8e9f0a", "taxonomy_term": { "id": "northgate", "name": "Northgate", "taxonomy": "livingwellhub-neighbourhood" } }
            ]
          },
          {
            "id": 30117,
            "organization_id": "rcc-01",
            "name": "Carers' support evening",
            "description": "Time out, a cup of tea and practical tips from other people who look after someone.",
            "url": "https://riversidecarers.example.org/evenings",
            "email": "evenings@riversidecarers.example.org",
            "status": "temporarily closed",
            "fees_description": "Free. Tea and cake provided.",
            "last_modified": "2026-01-20T09:00:00Z",
            "organization": { "id": "rcc-01", "name": "Riverside Carers' Circle" },
            "phones": [ { "id": "7e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b", "number": "01632 960 789" } ],
            "schedules": [
              { "id": "8f9a0b1c-2d3e-4f4a-9b5c-7d8e9f0a1b2c", "freq": "WEEKLY", "byday": "TH", "opens_at": "18:30", "closes_at": "20:30" },
              { "id": "9a0b1c2d-3e4f-4a5b-8c6d-8e9f0a1b2c3d", "description": "Not during August" }
            ],
            "service_at_locations": [
              {
                "id": "0b1c2d3e-4f5a-4b6c-9d7e-9f0a1b2c3d4e",
                "location": {
                  "id": "rcc-centre",
                  "location_type": "physical",
                  "name": "Riverside Community Centre",
                  "addresses": [
                    { "address_1": "Unit 3, Wharf Lane", "address_2": "Riverside", "city": "Marrowby", "postal_code": "MW3 9PL", "country": "GB", "address_type": "physical" }
                  ]
                }
              }
            ],
            "languages": [ { "name": "English" }, { "name": "Polish", "code": "pl" } ],
            "cost_options": [ { "id": "1c2d3e4f-5a6b-4c7d-8e8f-0a1b2c3d4e5f", "amount": 0, "currency": "GBP" } ],
            "attributes": [
              { "id": "2d3e4f5a-6b7c-4d8e-9f9a-1b2c3d4e5f6a", "taxonomy_term": { "id": "mw-carers", "name": "Carers", "taxonomy": "marrowby-directory" } },
              { "id": "3e4f5a6b-7c8d-4e9f-8a0b-2c3d4e5f6a7b", "taxonomy_term": { "id": "mw-mental-health", "name": "Mental health support", "taxonomy": "marrowby-directory" } },
              { "id": "4f5a6b7c-8d9e-4f0a-9b1c-3d4e5f6a7b8c", "taxonomy_term": { "id": "CaringResponsibilities", "name": "Caring for someone", "taxonomy": "livingwellhub-needs" } },
              { "id": "5a6b7c8d-9e0f-4a1b-8c2d-4e5f6a7b8c9d", "taxonomy_term": { "id": "Loneliness", "name": "Loneliness", "taxonomy": "livingwellhub-needs" } }
            ]
          }
        ]
        """;

    /// <summary>The same services as one page of an Open Referral UK API response.</summary>
    public static string AsApiPage() => $$"""
        {
          "total_items": 3,
          "total_pages": 1,
          "page_number": 1,
          "size": 50,
          "first_page": true,
          "last_page": true,
          "empty": false,
          "contents": {{Json}}
        }
        """;
}
