#!/usr/bin/env python3
"""Writes the sample KPI months (one JSON array per entity) for 2025-12 .. 2026-11.

Deterministic: fixed seeds, no clock. Run from anywhere: python3 samples/kpis/generate.py
"""
import calendar
import datetime
import json
import os
import random

OUT = os.path.dirname(os.path.abspath(__file__))
PERIODS = [(2025, 12)] + [(2026, m) for m in range(1, 12)]

# San Diego harbour demand by calendar month: summer peak, winter trough.
SEASON = {1: .35, 2: .40, 3: .55, 4: .70, 5: .85, 6: 1.0, 7: 1.2, 8: 1.2, 9: .90, 10: .70, 11: .50, 12: .60}


def key(y, m):
    return f"{y:04d}-{m:02d}"


def day(y, m, d):
    return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"


def later(y, m, months, d):
    i = y * 12 + (m - 1) + months
    return day(i // 12, i % 12 + 1, d)


def r0(x):
    return int(round(x))


def rev(stream, amount, received=None, channel=None, service=None, net=False, commission=None):
    line = {"stream": stream, "amount": r0(amount), "received": r0(amount if received is None else received)}
    if channel:
        line["channel"] = channel
    if service:
        line["serviceDate"] = service
    if net:
        line["bookedNetOfCommission"] = True
        line["commission"] = r0(commission)
    return line


def exp(description, category, code, amount, fixed=False, vendor=None, principal=None, interest=None):
    line = {"description": description, "category": category, "amount": r0(amount), "fixed": fixed}
    if code:
        line["accountCode"] = code
    if vendor:
        line["vendor"] = vendor
    if principal is not None:
        line["principal"] = r0(principal)
        line["interest"] = r0(interest)
    return line


def ota(stream, name, gross, rate, y, m):
    commission = gross * rate
    return rev(stream, gross - commission, channel=name, service=day(y, m, 18), net=True, commission=commission)


def month_doc(entity, y, m, revenue, expenses, **extra):
    doc = {"entityId": entity, "period": key(y, m), "currency": "USD", "revenue": revenue, "expenses": expenses}
    doc.update({k: v for k, v in extra.items() if v is not None})
    return doc


def dora(rng, deploys, lead, cfr, ttr):
    return {
        "deployments": max(0, deploys + rng.randint(-2, 2)),
        "leadTimeHours": round(lead * rng.uniform(.7, 1.3), 1),
        "changeFailRate": round(min(1, max(0, cfr + rng.uniform(-.05, .05))), 2),
        "timeToRestoreHours": round(ttr * rng.uniform(.5, 1.5), 1),
    }


def stage_at(index, path):
    """path: list of (from_index, stage, probability); the last entry at or before index wins."""
    current = None
    for start, stage, p in path:
        if index >= start:
            current = (stage, p)
    return current


def pipeline(index, items):
    out = []
    for name, value, close, path in items:
        s = stage_at(index, path)
        if s:
            out.append({"name": name, "stage": s[0], "value": value, "probability": s[1], "expectedClose": close})
    return out


# ---------------------------------------------------------------- JADA
def jada():
    rng = random.Random(101)
    months, cash = [], 18000
    for i, (y, m) in enumerate(PERIODS):
        s = SEASON[m]
        direct = 5800 * s * rng.uniform(.9, 1.1)
        sailo = 3000 * s * rng.uniform(.85, 1.15)
        gmb = 1900 * s * rng.uniform(.85, 1.15)
        revenue = [
            rev("Private charters", direct, channel="direct web", service=day(y, m, 20)),
            ota("Private charters", "Sailo", sailo, .15, y, m),
            ota("Private charters", "GetMyBoat", gmb, .10, y, m),
        ]
        if m in (1, 2, 3, 4, 5):
            # Deposits for summer trips, booked straight to revenue: the accounting report should catch these.
            deposit = [0, 1500, 1800, 2400, 3000, 2200][m]
            revenue.append(rev("Charter deposit (summer trip)", deposit, channel="direct web", service=later(y, m, 7 - m, 12)))
        if m in (3, 6, 10):
            revenue.append(rev("Sunset sail (email offer)", 900 + 300 * (m == 6), channel="email", service=day(y, m, 26)))
        gross = direct + sailo + gmb
        expenses = [
            exp("Slip fees", "Moorage", "6000", 1450, True, "Shelter Island Marina"),
            exp("Hull and liability insurance", "Insurance", "6010", 620, True, "Harbor Marine Insurance"),
            exp("Boat loan payment", "Loan", "6120", 2600, True, "Example Marine Finance"),
            exp("Captain and crew", "Crew", "5000", gross * .32),
            exp("Fuel", "Fuel", "5010", gross * .06, vendor="Harbor Fuel Dock"),
            exp("Routine maintenance", "Maintenance", "6020", 4800 if m == 3 else rng.uniform(350, 900),
                vendor="Driscoll Boat Works" if m == 3 else None),
            exp("Listing and ads", "Marketing", "6030", 320),
            exp("Website hosting and booking software", "Software", "6040", 140, True),
            exp("Stripe fees", "Payment fees", "6100", direct * .029, vendor="Stripe"),
        ]
        if m == 3:
            expenses[5]["description"] = "Haul-out and bottom paint"
        if (y, m) == (2026, 9):
            expenses.append(exp("Photos and copy for Viator/GetYourGuide listings", "Marketing", "6030", 1500))
        if (y, m) in ((2026, 2), (2026, 6), (2026, 9)):
            expenses.append(exp({2: "Amazon order", 6: "Venmo payment", 9: "Cash withdrawal"}[m], "Uncategorised", None,
                                {2: 212, 6: 350, 9: 200}[m]))
        received = sum(r["received"] for r in revenue)
        spent = sum(e["amount"] for e in expenses)
        cash += received - spent
        viator_listed = (y, m) >= (2026, 10)  # listing submitted in October, not live yet
        channels = [
            {"channel": "Sailo", "listed": True, "live": True, "visits": r0(900 * s), "inquiries": r0(34 * s),
             "bookings": max(1, r0(11 * s)), "revenue": r0(sailo), "commissionRate": .15},
            {"channel": "GetMyBoat", "listed": True, "live": True, "visits": r0(620 * s), "inquiries": r0(22 * s),
             "bookings": max(1, r0(7 * s)), "revenue": r0(gmb), "commissionRate": .10},
            {"channel": "Viator", "listed": viator_listed, "live": False, "visits": 0, "inquiries": 0, "bookings": 0,
             "revenue": 0, "commissionRate": .20},
            {"channel": "GetYourGuide", "listed": False, "live": False, "visits": 0, "inquiries": 0, "bookings": 0,
             "revenue": 0, "commissionRate": .25},
            {"channel": "direct web", "listed": True, "live": True, "visits": r0(2600 * s), "inquiries": r0(60 * s),
             "bookings": max(1, r0(16 * s)), "revenue": r0(direct)},
        ]
        blasts = []
        if m == 3:
            blasts.append({"name": "Spring season opener", "date": day(y, m, 10), "channel": "email", "audience": 640,
                           "sent": 628, "opened": 251, "clicked": 38, "bookings": 3, "revenue": 900, "cost": 45})
        if m == 6:
            blasts.append({"name": "Summer sunset sails", "date": day(y, m, 4), "channel": "email", "audience": 910,
                           "sent": 894, "opened": 402, "clicked": 71, "bookings": 4, "revenue": 1200, "cost": 60})
        if m == 10:
            blasts.append({"name": "Fall weekday discount", "date": day(y, m, 7), "channel": "email", "audience": 1180,
                           "sent": 1161, "opened": 371, "clicked": 29, "bookings": 2, "revenue": 900, "cost": 85})
        months.append(month_doc(
            "jada", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=0, ownerDraws=0, capitalInjections=0,
            pipeline=pipeline(i, [
                ("Tech company team offsite (40 guests, two boats)", 6500, "2026-06-20",
                 [(2, "lead", .1), (4, "qualified", .3), (5, "proposal", .5), (6, "won", 1)]),
                ("Wedding party sail, September", 3200, "2026-09-12",
                 [(5, "lead", .1), (7, "proposal", .4), (9, "lost", 0)]),
                ("Hotel concierge referral partnership", 12000, "2027-01-31",
                 [(8, "lead", .1), (9, "qualified", .25), (11, "negotiation", .6)]),
                ("Holiday corporate sails, December", 4800, "2026-12-15",
                 [(9, "lead", .2), (10, "proposal", .5)]),
            ]),
            channels=channels, emailBlasts=blasts,
            targets={"monthlyRevenueTarget": 500 * round(15000 * s / 500), "burnCeiling": 3000},
            engineering=dora(rng, 6, 30, .12, 3),
        ))
    return months


# ---------------------------------------------------------------- QueenofSandiego
def queen():
    rng = random.Random(202)
    months, cash, deferred = [], 12000, 0
    for i, (y, m) in enumerate(PERIODS):
        s = SEASON[m]
        direct = 3600 * s * rng.uniform(.9, 1.1)
        viator = 2200 * s * rng.uniform(.85, 1.15)
        gyg = 1200 * s * rng.uniform(.85, 1.15)
        revenue = [
            rev("Harbour tours", direct, channel="direct web", service=day(y, m, 15)),
            ota("Harbour tours", "Viator", viator, .20, y, m),
            ota("Harbour tours", "GetYourGuide", gyg, .25, y, m),
        ]
        events = {12: 5200, 6: 2600, 7: 4100, 8: 2900}.get(m, 0)
        if events:
            revenue.append(rev("Private events", events, channel="direct web", service=day(y, m, 14)))
        if (y, m) == (2026, 4):
            revenue.append(rev("Deposit: July 4th fireworks cruise", 2400, channel="email", service="2026-07-04"))
        # Holiday-party deposits are held as deferred revenue, as they should be.
        taken = {10: 1200, 11: 2600}.get(m, 0) if y == 2026 else 0
        released = deferred if m == 12 else 0
        deferred += taken - released
        gross = direct + viator + gyg + events
        expenses = [
            exp("Vessel charter fee", "Boat lease", "6000", 3400, True, "Harbor Yacht Partners"),
            exp("Captains and deckhands", "Crew", "5000", gross * .27),
            exp("Fuel", "Fuel", "5010", gross * .05),
            exp("Insurance", "Insurance", "6010", 480, True),
            exp("AWS (S3, CloudFront, Lambda, DynamoDB)", "Software", "6040", rng.uniform(28, 45), True, "Amazon Web Services"),
            exp("Google Workspace", "Software", "6040", 14, True, "Google"),
            exp("Social ads", "Marketing", "6030", 250 if s < .7 else 450),
        ]
        if (y, m) == (2026, 10):
            expenses.append(exp("Off-season hull cleaning", "Maintenance", "6020", 600))
        if (y, m) in ((2026, 1), (2026, 7)):
            expenses.append(exp({1: "Square invoice", 7: "Party supplies"}[m], "Uncategorised", None, {1: 180, 7: 265}[m]))
        received = sum(r["received"] for r in revenue) + taken
        spent = sum(e["amount"] for e in expenses)
        cash += received - spent
        blasts = []
        if m == 4:
            blasts.append({"name": "Fireworks cruise pre-sale", "date": day(y, m, 15), "channel": "email", "audience": 480,
                           "sent": 472, "opened": 236, "clicked": 61, "bookings": 6, "revenue": 2400, "cost": 30})
        if m == 11:
            blasts.append({"name": "Holiday parties on the bay", "date": day(y, m, 3), "channel": "email", "audience": 530,
                           "sent": 521, "opened": 198, "clicked": 33, "bookings": 2, "revenue": 2600, "cost": 30})
        months.append(month_doc(
            "queenofsandiego", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=r0(deferred), ownerDraws=0, capitalInjections=0,
            pipeline=pipeline(i, [
                ("Convention bureau group tours", 8000, "2026-05-31",
                 [(1, "lead", .1), (3, "proposal", .4), (5, "lost", 0)]),
                ("School field-trip season", 3600, "2026-10-15",
                 [(6, "lead", .2), (8, "qualified", .4), (10, "won", 1)]),
                ("Holiday lights cruise series", 9500, "2026-12-01",
                 [(8, "lead", .2), (9, "proposal", .5), (11, "negotiation", .7)]),
            ]),
            channels=[
                {"channel": "direct web", "listed": True, "live": True, "visits": r0(3100 * s), "inquiries": r0(45 * s),
                 "bookings": r0(70 * s), "revenue": r0(direct)},
                {"channel": "Viator", "listed": True, "live": True, "visits": r0(1500 * s), "inquiries": r0(20 * s),
                 "bookings": r0(44 * s), "revenue": r0(viator), "commissionRate": .20},
                {"channel": "GetYourGuide", "listed": True, "live": True, "visits": r0(800 * s), "inquiries": r0(9 * s),
                 "bookings": r0(23 * s), "revenue": r0(gyg), "commissionRate": .25},
                {"channel": "email", "listed": True, "live": True, "visits": 0, "inquiries": r0(6 * s),
                 "bookings": r0(5 * s), "revenue": 0},
            ],
            emailBlasts=blasts,
            targets={"monthlyRevenueTarget": 500 * round(11000 * s / 500), "burnCeiling": 2000},
            engineering=dora(rng, 4, 18, .08, 2),
        ))
    return months


# ---------------------------------------------------------------- QuickDumpNow
def quickdump():
    rng = random.Random(303)
    months, cash = [], 9000
    demand = {1: .7, 2: .75, 3: .95, 4: 1.1, 5: 1.15, 6: 1.1, 7: 1.0, 8: 1.0, 9: .95, 10: .9, 11: .8, 12: .75}
    for i, (y, m) in enumerate(PERIODS):
        d = demand[m]
        dumpsters = 5200 * d * rng.uniform(.9, 1.1)
        junk = 1600 * d * rng.uniform(.85, 1.15)
        gross = dumpsters + junk
        revenue = [
            rev("Dumpster rentals", dumpsters, channel="direct web", service=day(y, m, 16)),
            rev("Junk hauling", junk, channel="direct web", service=day(y, m, 12)),
        ]
        expenses = [
            exp("Landfill and disposal fees", "Disposal", "5020", gross * .24, vendor="Miramar Landfill"),
            exp("Driver (subcontract)", "Labour", "5030", gross * .28),
            exp("Truck lease", "Vehicle", "6050", 1100, True, "Fleet Lease Co"),
            exp("Truck fuel", "Fuel", "5010", 420 * d),
            exp("Commercial auto insurance", "Insurance", "6010", 390, True),
            # Ad spend raised in July to fix slow growth; the mobile funnel is where it leaks.
            exp("Google Ads", "Marketing", "6030", 1800 if i >= 7 else 1400, vendor="Google"),
            exp("S3, CloudFront and forms", "Software", "6040", 22, True, "Amazon Web Services"),
        ]
        if m == 4:
            expenses.append(exp("Dumpster repair and repaint", "Maintenance", "6020", 1300))
        if (y, m) in ((2026, 3), (2026, 8)):
            expenses.append(exp({3: "Home Depot", 8: "Tow service"}[m], "Uncategorised", None, {3: 146, 8: 425}[m]))
        injection = 8000 if (y, m) == (2026, 3) else 0
        received = sum(r["received"] for r in revenue)
        spent = sum(e["amount"] for e in expenses)
        cash += received - spent + injection
        mobile_visits = r0(2500 * d)
        desktop_visits = r0(950 * d)
        months.append(month_doc(
            "quickdumpnow", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=0, ownerDraws=0, capitalInjections=injection,
            pipeline=pipeline(i, [
                ("Construction firm recurring roll-offs", 18000, "2026-07-31",
                 [(3, "lead", .15), (5, "qualified", .35), (7, "negotiation", .6), (9, "lost", 0)]),
                ("Property manager: 12 buildings, monthly cleanouts", 9600, "2026-12-31",
                 [(7, "lead", .1), (9, "proposal", .4), (11, "negotiation", .55)]),
            ]),
            channels=[
                # Most traffic is mobile and it barely converts: the CMO report's funnel finding.
                {"channel": "direct web (mobile)", "listed": True, "live": True, "visits": mobile_visits,
                 "inquiries": r0(mobile_visits * .012), "bookings": r0(mobile_visits * .0035), "revenue": r0(gross * .25)},
                {"channel": "direct web (desktop)", "listed": True, "live": True, "visits": desktop_visits,
                 "inquiries": r0(desktop_visits * .06), "bookings": r0(desktop_visits * .026), "revenue": r0(gross * .70)},
                {"channel": "email", "listed": True, "live": True, "visits": 0, "inquiries": 3, "bookings": 1,
                 "revenue": r0(gross * .05)},
            ],
            emailBlasts=[{"name": "Spring cleanout special", "date": day(y, m, 8), "channel": "email", "audience": 420,
                          "sent": 411, "opened": 140, "clicked": 17, "bookings": 2, "revenue": 780, "cost": 25}]
            if m == 3 else [],
            targets={"monthlyRevenueTarget": 9000, "burnCeiling": 1500},
            engineering=dora(rng, 2, 48, .2, 6),
        ))
    return months


# ---------------------------------------------------------------- DangerousCentaur (and its client portfolio)
CLIENTS = [
    # name, billing, retainer, hourly rate, payment lag in months, from index, to index
    ("Harbor Analytics", "retainer", 3500, None, 1, 0, 11),
    ("Coastal Dental Group", "retainer", 2000, None, 1, 0, 11),
    ("Bayside Realty", "retainer", 1500, None, 1, 0, 6),
    ("Mission Bay Brewing", "hourly", None, 125, 1, 0, 11),
    ("Pacific Surf School", "hourly", None, 110, 3, 4, 11),  # pays late: overdue
]


def open_invoices(name, amounts, first, last):
    """The unpaid invoices: one a month from index first to last, issued on the 1st, due net 30."""
    prefix = "".join(w[0] for w in name.split()).upper()
    result = []
    for j in range(first, last + 1):
        if amounts[j]:
            y, m = PERIODS[j]
            issued = datetime.date(y, m, 1)
            result.append({"number": f"{prefix}-{y:04d}{m:02d}", "issued": issued.isoformat(),
                           "due": (issued + datetime.timedelta(days=30)).isoformat(), "amount": amounts[j], "paid": 0})
    return result


def consultancy():
    rng = random.Random(404)
    invoiced = {name: [] for name, *_ in CLIENTS}
    hours = {name: [] for name, *_ in CLIENTS}
    for i in range(len(PERIODS)):
        for name, billing, retainer, rate, lag, start, end in CLIENTS:
            if start <= i <= end:
                if billing == "retainer":
                    amount, h = retainer, 0
                else:
                    h = rng.randint(8, 22)
                    amount = h * rate
                invoiced[name].append(amount)
                hours[name].append(h)
            else:
                invoiced[name].append(0)
                hours[name].append(0)

    dc, portfolio, cash = [], [], 25000
    for i, (y, m) in enumerate(PERIODS):
        revenue, clients = [], []
        for name, billing, retainer, rate, lag, start, end in CLIENTS:
            amount = invoiced[name][i]
            paid_now = invoiced[name][i - lag] if i - lag >= 0 else (amount if i == 0 else 0)
            if amount or paid_now:
                stream = f"Retainer: {name}" if billing == "retainer" else f"Project hours: {name}"
                revenue.append(rev(stream, amount, received=paid_now, channel="direct web"))
            if start <= i:
                total_invoiced = sum(invoiced[name][:i + 1])
                total_paid = sum(invoiced[name][:max(0, i + 1 - lag)])
                # Net-30 terms: anything unpaid from before this month is overdue.
                overdue = sum(invoiced[name][max(0, i + 1 - lag):i])
                clients.append({
                    "name": name, "billingType": billing,
                    **({"retainer": retainer} if retainer else {"hourlyRate": rate}),
                    "invoiced": total_invoiced, "paid": total_paid, "overdue": overdue,
                    "overdueDays": 30 * (lag - 1) if overdue else 0,
                    "openInvoices": open_invoices(name, invoiced[name], max(0, i + 1 - lag), i),
                    "unbilledHours": {"Harbor Analytics": 6, "Mission Bay Brewing": 9, "Pacific Surf School": 14}.get(name, 0)
                    if i >= 9 else 0,
                    "costsNotRebilled": 240 if name == "Mission Bay Brewing" and i >= 8 else 0,
                })
        gross = sum(invoiced[n][i] for n in invoiced)
        expenses = [
            exp("Subcontract developers", "Contractors", "5030", gross * .32),
            exp("Hosting and SaaS tools", "Software", "6040", rng.uniform(380, 460), True),
            exp("Coworking desk", "Office", "6110", 450, True, "Harbor Coworking"),
            exp("Bookkeeping", "Professional fees", "6060", 250, True),
            exp("Professional liability insurance", "Insurance", "6010", 160, True),
        ]
        if i >= 9:
            expenses.append(exp("Part-time project manager", "Contractors", "5030", 2000, True))
        if (y, m) in ((2026, 5), (2026, 10)):
            expenses.append(exp({5: "Conference ticket", 10: "Laptop accessories"}[m], "Uncategorised", None, {5: 499, 10: 188}[m]))
        draws = 5000
        received = sum(r["received"] for r in revenue)
        cash += received - sum(e["amount"] for e in expenses) - draws
        dc.append(month_doc(
            "dangerouscentaur", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=0, ownerDraws=draws, capitalInjections=0,
            pipeline=pipeline(i, [
                ("E-commerce rebuild for a local retailer", 24000, "2026-04-30",
                 [(0, "qualified", .3), (2, "proposal", .5), (4, "lost", 0)]),
                ("Pacific Surf School booking site", 6000, "2026-04-15",
                 [(1, "lead", .2), (2, "proposal", .5), (4, "won", 1)]),
                ("Monthly retainer: regional nonprofit", 18000, "2026-12-31",
                 [(7, "lead", .15), (8, "qualified", .3), (10, "proposal", .45)]),
                ("Data dashboard for Harbor Analytics (phase 2)", 9000, "2027-01-15",
                 [(9, "lead", .3), (11, "negotiation", .65)]),
            ]),
            channels=[
                {"channel": "direct web", "listed": True, "live": True, "visits": r0(rng.uniform(300, 500)),
                 "inquiries": rng.randint(2, 6), "bookings": rng.randint(0, 2), "revenue": r0(gross)},
                {"channel": "email", "listed": True, "live": True, "visits": 0, "inquiries": rng.randint(0, 2),
                 "bookings": 0, "revenue": 0},
            ],
            emailBlasts=[{"name": "Quarterly newsletter", "date": day(y, m, 20), "channel": "email", "audience": 260,
                          "sent": 255, "opened": 121, "clicked": 14, "bookings": 0, "revenue": 0, "cost": 0}]
            if m in (3, 6, 9) else [],
            targets={"monthlyRevenueTarget": 12000, "burnCeiling": 1000},
            engineering=dora(rng, 9, 20, .07, 1.5),
        ))
        # The portfolio is a view of the consultancy's clients: its money is already in dangerouscentaur.
        portfolio.append(month_doc(
            "dangerouscentaur-portfolio", y, m, [], [],
            cashOnHand=0, customerDeposits=0, ownerDraws=0, capitalInjections=0,
            portfolio={"clients": clients},
        ))
    return dc, portfolio


# ---------------------------------------------------------------- 3028 51st St Rental
def rental():
    rng = random.Random(505)
    months, cash = [], 14000
    for i, (y, m) in enumerate(PERIODS):
        c_vacant = (y, m) in ((2026, 2), (2026, 3))
        units = [
            {"name": "Unit A", "rent": 2250, "leaseEnd": "2026-12-31", "occupied": True,
             "maintenanceCost": 0, "notes": "Lease ends 2026-12-31; tenant has not confirmed renewal." if i >= 9 else None},
            {"name": "Unit B", "rent": 2100, "leaseEnd": "2027-06-30", "occupied": True,
             "maintenanceCost": 1350 if (y, m) == (2026, 5) else 0,
             "notes": "Water heater replaced." if (y, m) == (2026, 5) else None},
            {"name": "Unit C", "rent": 1950 if i < 2 else 2050,
             "leaseEnd": "2026-01-31" if i < 2 else "2027-03-31", "occupied": not c_vacant,
             "maintenanceCost": 2200 if (y, m) == (2026, 2) else (180 if m == 8 else 0),
             "notes": "Vacant: turnover paint and carpet." if c_vacant else None},
        ]
        for u in units:
            if u["notes"] is None:
                del u["notes"]
        revenue = [rev(f"Rent: {u['name']}", u["rent"], channel=None, service=day(y, m, 1))
                   for u in units if u["occupied"]]
        expenses = [
            exp("Mortgage payment", "Mortgage", "6070", 5200, True, "Example Home Loans", principal=1950, interest=3250),
            exp("Property tax (monthly impound)", "Property tax", "6080", 540, True),
            exp("Landlord insurance", "Insurance", "6010", 165, True),
            exp("Water, sewer and trash", "Utilities", "6090", rng.uniform(170, 230)),
        ]
        for u in units:
            if u["maintenanceCost"]:
                expenses.append(exp(f"Maintenance: {u['name']}", "Maintenance", "6020", u["maintenanceCost"]))
        if m in (4, 10):
            expenses.append(exp("Gardener", "Uncategorised", None, 240))
        cash += sum(r["received"] for r in revenue) - sum(e["amount"] for e in expenses)
        months.append(month_doc(
            "rental-3028-51st", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=0, securityDeposits=6300, ownerDraws=0, capitalInjections=0,
            targets={"monthlyRevenueTarget": 6400, "burnCeiling": 0},
            rental={"units": units},
        ))
    return months


# ---------------------------------------------------------------- Expert Yacht Delivery
JOBS = [
    # id, from, to, nm, vessel, crew, quote, actual, timeline {index: status}, risks
    ("EYD-2601", "San Diego", "Cabo San Lucas", 750, "Beneteau Oceanis 45", ["Skipper (owner)", "Mate: R. Alvarez"],
     9500, 8700, {0: "quoted", 1: "completed"}, ["Mexican port clearance paperwork"]),
    ("EYD-2603", "Newport Beach", "San Francisco", 400, "Catalina 42", ["Skipper (owner)", "Mate: T. Nguyen"],
     6200, 7900, {2: "quoted", 3: "scheduled", 4: "completed"},
     ["Point Conception weather window", "Upwind passage: engine hours over estimate"]),
    ("EYD-2605", "Ensenada", "San Diego", 70, "Jeanneau 409", ["Skipper (owner)"],
     1800, 1650, {4: "scheduled", 5: "completed"}, []),
    ("EYD-2607", "San Diego", "Seattle", 1150, "Hylas 49", ["Skipper (owner)", "Mate: R. Alvarez", "Crew: K. Brooks"],
     14500, 13900, {5: "quoted", 6: "scheduled", 7: "underway", 8: "completed"}, ["Northbound against prevailing winds"]),
    ("EYD-2609", "Long Beach", "Santa Barbara", 85, "Sea Ray 40", ["Skipper (owner)"],
     1900, None, {8: "quoted", 9: "cancelled"}, []),
    ("EYD-2610", "Marina del Rey", "Puerto Vallarta", 1200, "Lagoon 42", ["Skipper (owner)", "Mate: T. Nguyen"],
     15800, None, {9: "quoted", 10: "scheduled"}, ["Hurricane season tail: depart after Nov 30"]),
    ("EYD-2611", "San Diego", "Honolulu", 2200, "Amel 50", ["Skipper (owner)", "Mate: R. Alvarez", "Crew: K. Brooks"],
     28000, None, {11: "quoted"}, ["Long ocean passage: liferaft and EPIRB service due", "Return flights for 3 crew"]),
]


# When each job is due to complete (and its quote paid), from the month it is scheduled.
DELIVERY_DATES = {"EYD-2603": "2026-04-10", "EYD-2605": "2026-05-10", "EYD-2607": "2026-08-10", "EYD-2610": "2026-12-12"}


def delivery():
    rng = random.Random(606)
    months, cash = [], 8000
    for i, (y, m) in enumerate(PERIODS):
        jobs, revenue, expenses = [], [], [
            exp("Delivery insurance rider", "Insurance", "6010", 300, True),
            exp("Website and listings", "Marketing", "6030", 150, True),
            exp("Navigation subscriptions", "Software", "6040", 35, True),
            exp("Sat phone plan", "Communications", "6900", 60, True),
        ]
        for jid, frm, to, nm, vessel, crew, quote, actual, timeline, risks in JOBS:
            status = stage_at(i, [(k, v, None) for k, v in timeline.items()])
            if status is None:
                continue
            status = status[0]
            # Completed or cancelled jobs drop off the list the month after.
            if i > max(timeline) and status in ("completed", "cancelled"):
                continue
            job = {"id": jid, "from": frm, "to": to, "distanceNm": nm, "vessel": vessel, "crew": crew,
                   "quote": quote, "status": status, "risks": risks}
            if status in ("scheduled", "underway", "completed") and jid in DELIVERY_DATES:
                job["deliveryDate"] = DELIVERY_DATES[jid]
            if status == "completed":
                job["actualCost"] = actual
                revenue.append(rev(f"Delivery {jid}: {frm} to {to}", quote, channel="direct web", service=day(y, m, 10)))
                expenses.append(exp(f"Crew, fuel and travel for {jid}", "Delivery costs", "5040", actual))
            jobs.append(job)
        if m == 7:
            expenses.append(exp("West Marine", "Uncategorised", None, 318))
        cash += sum(r["received"] for r in revenue) - sum(e["amount"] for e in expenses)
        months.append(month_doc(
            "expert-yacht-delivery", y, m, revenue, expenses,
            cashOnHand=r0(cash), customerDeposits=0, ownerDraws=0, capitalInjections=0,
            pipeline=pipeline(i, [
                ("Broker referral agreement (3 deliveries/yr)", 30000, "2027-02-28",
                 [(6, "lead", .1), (8, "qualified", .3), (10, "proposal", .4)]),
            ]),
            targets={"monthlyRevenueTarget": 6000, "burnCeiling": 600},
            yachtDelivery={"jobs": jobs},
        ))
        rng.random()
    return months


def main():
    dc, portfolio = consultancy()
    files = {
        "jada.json": jada(),
        "queenofsandiego.json": queen(),
        "quickdumpnow.json": quickdump(),
        "dangerouscentaur.json": dc,
        "dangerouscentaur-portfolio.json": portfolio,
        "rental-3028-51st.json": rental(),
        "expert-yacht-delivery.json": delivery(),
    }
    for name, months in files.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(months, f, indent=2)
            f.write("\n")

    print("period   received  expenses  draws  inject  net-cash  cash-on-hand")
    for i, (y, m) in enumerate(PERIODS):
        docs = [months[i] for months in files.values()]
        received = sum(r["received"] for d in docs for r in d["revenue"])
        spent = sum(e["amount"] for d in docs for e in d["expenses"])
        draws = sum(d["ownerDraws"] for d in docs)
        inject = sum(d["capitalInjections"] for d in docs)
        cash = sum(d["cashOnHand"] for d in docs)
        print(f"{key(y, m)}  {received:8d}  {spent:8d}  {draws:5d}  {inject:6d}  {received - spent - draws:8d}  {cash:8d}")


if __name__ == "__main__":
    main()
