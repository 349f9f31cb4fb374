package hours

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// hoursCases are opening_hours values as Swedish public services write
// them. sv and en are the lines of Text joined with " | ", schema the
// OpeningHoursSpecification objects as compactSchema writes them, and warn
// the warnings joined with " | "; a value with warnings is incomplete and
// has no text and no schema.
var hoursCases = []struct {
	kind, in       string
	sv, en, schema string
	warn           string
}{
	// Typical values, pinned from what the site shows in production.
	{"office", "Mo-Fr 08:00-17:00",
		"måndag–fredag 08.00–17.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–17:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-17:00 | Sa,Su 00:00-00:00",
		""},
	{"library", "Mo-Fr 10:00-18:00; Sa 10:00-14:00; PH off",
		"måndag–fredag 10.00–18.00 | lördag 10.00–14.00 | söndag stängt | helgdagar stängt",
		"Monday–Friday 10:00–18:00 | Saturday 10:00–14:00 | Sunday closed | public holidays closed",
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa 10:00-14:00 | Su 00:00-00:00 | PH 00:00-00:00",
		""},
	{"library", "Mo-Fr 10:00-18:00; Jun-Aug Mo-Fr 10:00-15:00",
		"måndag–fredag 10.00–18.00 | lördag–söndag stängt | juni–augusti: måndag–fredag 10.00–15.00",
		"Monday–Friday 10:00–18:00 | Saturday–Sunday closed | June–August: Monday–Friday 10:00–15:00",
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-15:00 --06-01/--08-31 | Sa,Su 00:00-00:00 --06-01/--08-31",
		""},
	{"library", "Mo-Th 10:00-19:00; Fr 10:00-18:00; Sa 11:00-15:00",
		"måndag–torsdag 10.00–19.00 | fredag 10.00–18.00 | lördag 11.00–15.00 | söndag stängt",
		"Monday–Thursday 10:00–19:00 | Friday 10:00–18:00 | Saturday 11:00–15:00 | Sunday closed",
		"Mo,Tu,We,Th 10:00-19:00 | Fr 10:00-18:00 | Sa 11:00-15:00 | Su 00:00-00:00",
		""},
	{"library", "Mo-Fr 10:00-19:00; Sa 11:00-15:00; Su off",
		"måndag–fredag 10.00–19.00 | lördag 11.00–15.00 | söndag stängt",
		"Monday–Friday 10:00–19:00 | Saturday 11:00–15:00 | Sunday closed",
		"Mo,Tu,We,Th,Fr 10:00-19:00 | Sa 11:00-15:00 | Su 00:00-00:00",
		""},
	{"library", "Mo,We 10:00-19:00; Tu,Th 10:00-16:00; Fr 10:00-15:00; Sa 10:00-14:00",
		"måndag och onsdag 10.00–19.00 | tisdag och torsdag 10.00–16.00 | fredag 10.00–15.00 | lördag 10.00–14.00 | söndag stängt",
		"Monday and Wednesday 10:00–19:00 | Tuesday and Thursday 10:00–16:00 | Friday 10:00–15:00 | Saturday 10:00–14:00 | Sunday closed",
		"Mo,We 10:00-19:00 | Tu,Th 10:00-16:00 | Fr 10:00-15:00 | Sa 10:00-14:00 | Su 00:00-00:00",
		""},
	{"library", "Mo-Th 08:00-20:00; Fr 08:00-18:00; Sa-Su 11:00-16:00; Jun-Aug Sa-Su off",
		"måndag–torsdag 08.00–20.00 | fredag 08.00–18.00 | lördag–söndag 11.00–16.00 | juni–augusti: lördag–söndag stängt",
		"Monday–Thursday 08:00–20:00 | Friday 08:00–18:00 | Saturday–Sunday 11:00–16:00 | June–August: Saturday–Sunday closed",
		"Mo,Tu,We,Th 08:00-20:00 | Fr 08:00-18:00 | Sa,Su 11:00-16:00 | Mo,Tu,We,Th 08:00-20:00 --06-01/--08-31 | Fr 08:00-18:00 --06-01/--08-31 | Sa,Su 00:00-00:00 --06-01/--08-31",
		""},
	{"library", "Mo-Fr 10:00-18:00; Jun 15-Aug 15 Mo-Fr 10:00-15:00",
		"måndag–fredag 10.00–18.00 | lördag–söndag stängt | 15 juni–15 augusti: måndag–fredag 10.00–15.00",
		"Monday–Friday 10:00–18:00 | Saturday–Sunday closed | 15 June–15 August: Monday–Friday 10:00–15:00",
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-15:00 --06-15/--08-15 | Sa,Su 00:00-00:00 --06-15/--08-15",
		""},
	{"library", "Tu 13:00-19:00; Th 10:00-16:00",
		"tisdag 13.00–19.00 | torsdag 10.00–16.00 | måndag, onsdag och fredag–söndag stängt",
		"Tuesday 13:00–19:00 | Thursday 10:00–16:00 | Monday, Wednesday and Friday–Sunday closed",
		"Tu 13:00-19:00 | Th 10:00-16:00 | Mo,We,Fr,Sa,Su 00:00-00:00",
		""},
	{"library", "Mo-Fr 08:00-22:00; Sa-Su 10:00-18:00 \"meröppet med lånekort\"",
		"måndag–fredag 08.00–22.00 | lördag–söndag 10.00–18.00 (meröppet med lånekort)",
		"Monday–Friday 08:00–22:00 | Saturday–Sunday 10:00–18:00 (meröppet med lånekort)",
		"Mo,Tu,We,Th,Fr 08:00-22:00 | Sa,Su 10:00-18:00",
		""},
	{"library", "Mo-Su 06:00-22:00 \"meröppet\"",
		"alla dagar 06.00–22.00 (meröppet)",
		"every day 06:00–22:00 (meröppet)",
		"Mo,Tu,We,Th,Fr,Sa,Su 06:00-22:00",
		""},
	{"library", "We 14:00-19:00; Sa 10:00-13:00; PH off",
		"onsdag 14.00–19.00 | lördag 10.00–13.00 | måndag–tisdag, torsdag–fredag och söndag stängt | helgdagar stängt",
		"Wednesday 14:00–19:00 | Saturday 10:00–13:00 | Monday–Tuesday, Thursday–Friday and Sunday closed | public holidays closed",
		"We 14:00-19:00 | Sa 10:00-13:00 | Mo,Tu,Th,Fr,Su 00:00-00:00 | PH 00:00-00:00",
		""},
	{"library", "Mo-Fr 10:00-18:00; Sa 10:00-14:00; Dec 24-26 off; Dec 31 off; PH off",
		"måndag–fredag 10.00–18.00 | lördag 10.00–14.00 | söndag stängt | helgdagar stängt | 24–26 december och 31 december: stängt",
		"Monday–Friday 10:00–18:00 | Saturday 10:00–14:00 | Sunday closed | public holidays closed | 24–26 December and 31 December: closed",
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa 10:00-14:00 | Su 00:00-00:00 | PH 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-24/--12-26 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-31/--12-31",
		""},
	{"recycling centre", "Mo-Th 07:00-19:00; Fr 07:00-16:00; Sa 10:00-15:00",
		"måndag–torsdag 07.00–19.00 | fredag 07.00–16.00 | lördag 10.00–15.00 | söndag stängt",
		"Monday–Thursday 07:00–19:00 | Friday 07:00–16:00 | Saturday 10:00–15:00 | Sunday closed",
		"Mo,Tu,We,Th 07:00-19:00 | Fr 07:00-16:00 | Sa 10:00-15:00 | Su 00:00-00:00",
		""},
	{"recycling centre", "Mo-Fr 10:00-18:00; Sa 09:00-14:00; Apr-Sep Su 10:00-14:00",
		"måndag–fredag 10.00–18.00 | lördag 09.00–14.00 | söndag stängt | april–september: söndag 10.00–14.00",
		"Monday–Friday 10:00–18:00 | Saturday 09:00–14:00 | Sunday closed | April–September: Sunday 10:00–14:00",
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa 09:00-14:00 | Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-18:00 --04-01/--09-30 | Sa 09:00-14:00 --04-01/--09-30 | Su 10:00-14:00 --04-01/--09-30",
		""},
	{"recycling centre", "Mo,We 12:00-19:00; Sa 10:00-14:00",
		"måndag och onsdag 12.00–19.00 | lördag 10.00–14.00 | tisdag, torsdag–fredag och söndag stängt",
		"Monday and Wednesday 12:00–19:00 | Saturday 10:00–14:00 | Tuesday, Thursday–Friday and Sunday closed",
		"Mo,We 12:00-19:00 | Sa 10:00-14:00 | Tu,Th,Fr,Su 00:00-00:00",
		""},
	{"recycling centre", "Tu 14:00-19:00; Apr-Oct Sa 10:00-14:00",
		"tisdag 14.00–19.00 | måndag och onsdag–söndag stängt | april–oktober: lördag 10.00–14.00",
		"Tuesday 14:00–19:00 | Monday and Wednesday–Sunday closed | April–October: Saturday 10:00–14:00",
		"Tu 14:00-19:00 | Mo,We,Th,Fr,Sa,Su 00:00-00:00 | Tu 14:00-19:00 --04-01/--10-31 | Sa 10:00-14:00 --04-01/--10-31 | Mo,We,Th,Fr,Su 00:00-00:00 --04-01/--10-31",
		""},
	{"recycling centre", "Mo-Fr 07:00-16:00; PH off",
		"måndag–fredag 07.00–16.00 | lördag–söndag stängt | helgdagar stängt",
		"Monday–Friday 07:00–16:00 | Saturday–Sunday closed | public holidays closed",
		"Mo,Tu,We,Th,Fr 07:00-16:00 | Sa,Su 00:00-00:00 | PH 00:00-00:00",
		""},
	{"recycling station", "24/7",
		"öppet dygnet runt",
		"open 24 hours, every day",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-23:59",
		""},
	{"recycling centre", "Mo-Fr 10:00-19:00; Sa 10:00-15:00; Nov-Mar Sa off",
		"måndag–fredag 10.00–19.00 | lördag 10.00–15.00 | söndag stängt | november–mars: lördag stängt",
		"Monday–Friday 10:00–19:00 | Saturday 10:00–15:00 | Sunday closed | November–March: Saturday closed",
		"Mo,Tu,We,Th,Fr 10:00-19:00 | Sa 10:00-15:00 | Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-19:00 --01-01/--03-31 | Sa,Su 00:00-00:00 --01-01/--03-31 | Mo,Tu,We,Th,Fr 10:00-19:00 --11-01/--12-31 | Sa,Su 00:00-00:00 --11-01/--12-31",
		""},
	{"recycling centre", "Mo-Fr 07:00-19:00; Sa,Su 10:00-16:00; PH 10:00-14:00",
		"måndag–fredag 07.00–19.00 | lördag–söndag 10.00–16.00 | helgdagar 10.00–14.00",
		"Monday–Friday 07:00–19:00 | Saturday–Sunday 10:00–16:00 | public holidays 10:00–14:00",
		"Mo,Tu,We,Th,Fr 07:00-19:00 | Sa,Su 10:00-16:00 | PH 10:00-14:00",
		""},
	{"swimming hall", "Mo-Fr 06:30-20:00; Sa-Su 09:00-16:00; Jun-Aug off",
		"måndag–fredag 06.30–20.00 | lördag–söndag 09.00–16.00 | juni–augusti: stängt",
		"Monday–Friday 06:30–20:00 | Saturday–Sunday 09:00–16:00 | June–August: closed",
		"Mo,Tu,We,Th,Fr 06:30-20:00 | Sa,Su 09:00-16:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --06-01/--08-31",
		""},
	{"swimming hall", "Mo,We,Fr 06:00-08:00,16:00-20:00; Tu,Th 16:00-21:00; Sa 10:00-15:00",
		"måndag, onsdag och fredag 06.00–08.00 och 16.00–20.00 | tisdag och torsdag 16.00–21.00 | lördag 10.00–15.00 | söndag stängt",
		"Monday, Wednesday and Friday 06:00–08:00 and 16:00–20:00 | Tuesday and Thursday 16:00–21:00 | Saturday 10:00–15:00 | Sunday closed",
		"Mo,We,Fr 06:00-08:00 | Mo,We,Fr 16:00-20:00 | Tu,Th 16:00-21:00 | Sa 10:00-15:00 | Su 00:00-00:00",
		""},
	{"swimming hall", "Mo-Fr 06:00-21:00; Sa-Su 08:00-18:00; PH 10:00-16:00",
		"måndag–fredag 06.00–21.00 | lördag–söndag 08.00–18.00 | helgdagar 10.00–16.00",
		"Monday–Friday 06:00–21:00 | Saturday–Sunday 08:00–18:00 | public holidays 10:00–16:00",
		"Mo,Tu,We,Th,Fr 06:00-21:00 | Sa,Su 08:00-18:00 | PH 10:00-16:00",
		""},
	{"swimming hall", "Mo-Th 06:30-20:30; Fr 06:30-19:00; Sa 09:00-15:00; Su 09:00-15:00; Jun 20-Aug 10 off",
		"måndag–torsdag 06.30–20.30 | fredag 06.30–19.00 | lördag–söndag 09.00–15.00 | 20 juni–10 augusti: stängt",
		"Monday–Thursday 06:30–20:30 | Friday 06:30–19:00 | Saturday–Sunday 09:00–15:00 | 20 June–10 August: closed",
		"Mo,Tu,We,Th 06:30-20:30 | Fr 06:30-19:00 | Sa,Su 09:00-15:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --06-20/--08-10",
		""},
	{"swimming hall", "Mo-Fr 12:00-13:00,16:00-20:00; Sa 10:00-14:00",
		"måndag–fredag 12.00–13.00 och 16.00–20.00 | lördag 10.00–14.00 | söndag stängt",
		"Monday–Friday 12:00–13:00 and 16:00–20:00 | Saturday 10:00–14:00 | Sunday closed",
		"Mo,Tu,We,Th,Fr 12:00-13:00 | Mo,Tu,We,Th,Fr 16:00-20:00 | Sa 10:00-14:00 | Su 00:00-00:00",
		""},
	{"bathing place", "Jun-Aug 10:00-18:00",
		"juni–augusti: alla dagar 10.00–18.00 | övrig tid stängt",
		"June–August: every day 10:00–18:00 | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 10:00-18:00 --06-01/--08-31",
		""},
	{"bathing place", "Jun-Aug 24/7",
		"juni–augusti: öppet dygnet runt | övrig tid stängt",
		"June–August: open 24 hours, every day | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-23:59 --06-01/--08-31",
		""},
	{"bathing place", "Jun 15-Aug 15 10:00-19:00",
		"15 juni–15 augusti: alla dagar 10.00–19.00 | övrig tid stängt",
		"15 June–15 August: every day 10:00–19:00 | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 10:00-19:00 --06-15/--08-15",
		""},
	{"outdoor pool", "May-Sep 06:00-22:00",
		"maj–september: alla dagar 06.00–22.00 | övrig tid stängt",
		"May–September: every day 06:00–22:00 | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 06:00-22:00 --05-01/--09-30",
		""},
	{"town hall", "Mo-Fr 08:00-16:30",
		"måndag–fredag 08.00–16.30 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:30 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:30 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Th 08:00-16:30; Fr 08:00-15:00",
		"måndag–torsdag 08.00–16.30 | fredag 08.00–15.00 | lördag–söndag stängt",
		"Monday–Thursday 08:00–16:30 | Friday 08:00–15:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th 08:00-16:30 | Fr 08:00-15:00 | Sa,Su 00:00-00:00",
		""},
	{"contact centre", "Mo-Fr 08:00-16:30; Jun-Aug Mo-Fr 08:00-15:00; PH off",
		"måndag–fredag 08.00–16.30 | lördag–söndag stängt | helgdagar stängt | juni–augusti: måndag–fredag 08.00–15.00",
		"Monday–Friday 08:00–16:30 | Saturday–Sunday closed | public holidays closed | June–August: Monday–Friday 08:00–15:00",
		"Mo,Tu,We,Th,Fr 08:00-16:30 | Sa,Su 00:00-00:00 | PH 00:00-00:00 | Mo,Tu,We,Th,Fr 08:00-15:00 --06-01/--08-31 | Sa,Su 00:00-00:00 --06-01/--08-31 | PH 00:00-00:00 --06-01/--08-31",
		""},
	{"town hall", "Mo-Fr 08:00-12:00,13:00-16:00",
		"måndag–fredag 08.00–12.00 och 13.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–12:00 and 13:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-12:00 | Mo,Tu,We,Th,Fr 13:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 08:00-16:00; Dec 24 off; Dec 31 off",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt | 24 december och 31 december: stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed | 24 December and 31 December: closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-24/--12-24 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-31/--12-31",
		""},
	{"town hall", "Mo-Fr 08:00-16:30; Jul off",
		"måndag–fredag 08.00–16.30 | lördag–söndag stängt | juli: stängt",
		"Monday–Friday 08:00–16:30 | Saturday–Sunday closed | July: closed",
		"Mo,Tu,We,Th,Fr 08:00-16:30 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --07-01/--07-31",
		""},
	{"contact centre", "Mo-Fr 08:00-16:00; Sa \"efter överenskommelse\"",
		"måndag–fredag 08.00–16.00 | lördag efter överenskommelse | söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday efter överenskommelse | Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Su 00:00-00:00",
		""},
	{"building permits", "\"efter överenskommelse\"",
		"efter överenskommelse",
		"efter överenskommelse",
		"",
		""},
	{"contact centre", "Mo-Fr 08:00-17:00; Sa-Su,PH off",
		"måndag–fredag 08.00–17.00 | lördag–söndag stängt | helgdagar stängt",
		"Monday–Friday 08:00–17:00 | Saturday–Sunday closed | public holidays closed",
		"Mo,Tu,We,Th,Fr 08:00-17:00 | Sa,Su 00:00-00:00 | PH 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 08:00-16:00; Jun 22-Aug 14 Mo-Fr 08:00-15:00",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt | 22 juni–14 augusti: måndag–fredag 08.00–15.00",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed | 22 June–14 August: Monday–Friday 08:00–15:00",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 08:00-15:00 --06-22/--08-14 | Sa,Su 00:00-00:00 --06-22/--08-14",
		""},
	{"sports hall", "Mo-Fr 16:00-22:00; Sa-Su 09:00-20:00",
		"måndag–fredag 16.00–22.00 | lördag–söndag 09.00–20.00",
		"Monday–Friday 16:00–22:00 | Saturday–Sunday 09:00–20:00",
		"Mo,Tu,We,Th,Fr 16:00-22:00 | Sa,Su 09:00-20:00",
		""},
	{"sports hall", "Mo-Su 07:00-22:00",
		"alla dagar 07.00–22.00",
		"every day 07:00–22:00",
		"Mo,Tu,We,Th,Fr,Sa,Su 07:00-22:00",
		""},
	{"gym", "Mo-Su 00:00-24:00",
		"öppet dygnet runt",
		"open 24 hours, every day",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-23:59",
		""},
	{"youth centre", "Fr-Sa 22:00-02:00",
		"fredag–lördag 22.00–02.00 | måndag–torsdag och söndag stängt",
		"Friday–Saturday 22:00–02:00 | Monday–Thursday and Sunday closed",
		"Fr,Sa 22:00-02:00 | Mo,Tu,We,Th,Su 00:00-00:00",
		""},
	{"youth centre", "Mo-Fr 18:00-02:00",
		"måndag–fredag 18.00–02.00 | lördag–söndag stängt",
		"Monday–Friday 18:00–02:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 18:00-02:00 | Sa,Su 00:00-00:00",
		""},
	{"closed office", "off",
		"stängt",
		"closed",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00",
		""},
	{"closed office", "closed",
		"stängt",
		"closed",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00",
		""},
	{"adult education", "Mo-Fr 09:00-15:00; PH off; Dec 24-Jan 6 off",
		"måndag–fredag 09.00–15.00 | lördag–söndag stängt | helgdagar stängt | 24 december–6 januari: stängt",
		"Monday–Friday 09:00–15:00 | Saturday–Sunday closed | public holidays closed | 24 December–6 January: closed",
		"Mo,Tu,We,Th,Fr 09:00-15:00 | Sa,Su 00:00-00:00 | PH 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --01-01/--01-06 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-24/--12-31",
		""},
	{"ski slope", "Nov-Mar Mo-Fr 10:00-15:00",
		"november–mars: måndag–fredag 10.00–15.00 | övrig tid stängt",
		"November–March: Monday–Friday 10:00–15:00 | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-15:00 --01-01/--03-31 | Sa,Su 00:00-00:00 --01-01/--03-31 | Mo,Tu,We,Th,Fr 10:00-15:00 --11-01/--12-31 | Sa,Su 00:00-00:00 --11-01/--12-31",
		""},
	{"town hall", "Mo-Fr 08:00-16:00, Sa 10:00-12:00",
		"måndag–fredag 08.00–16.00 | lördag 10.00–12.00 | söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday 10:00–12:00 | Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa 10:00-12:00 | Su 00:00-00:00",
		""},
	{"town hall", "mo-fr 08:00-16:00",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 8:00-16:00",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 08:00–16:00",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr: 08:00-16:00",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 08:00-12:00 13:00-16:00",
		"måndag–fredag 08.00–12.00 och 13.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–12:00 and 13:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-12:00 | Mo,Tu,We,Th,Fr 13:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"market", "Sa open",
		"lördag öppet hela dygnet | måndag–fredag och söndag stängt",
		"Saturday open 24 hours | Monday–Friday and Sunday closed",
		"Sa 00:00-23:59 | Mo,Tu,We,Th,Fr,Su 00:00-00:00",
		""},
	{"town hall", "Mo-Fr 08:00-16:00;",
		"måndag–fredag 08.00–16.00 | lördag–söndag stängt",
		"Monday–Friday 08:00–16:00 | Saturday–Sunday closed",
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00",
		""},
	{"museum", "Su,PH off; Mo-Sa 10:00-16:00",
		"måndag–lördag 10.00–16.00 | söndag stängt",
		"Monday–Saturday 10:00–16:00 | Sunday closed",
		"Mo,Tu,We,Th,Fr,Sa 10:00-16:00 | Su 00:00-00:00",
		""},
	{"museum", "Mo-Fr 10:00-16:00; PH,Sa 11:00-14:00",
		"måndag–fredag 10.00–16.00 | lördag 11.00–14.00 | söndag stängt | helgdagar 11.00–14.00",
		"Monday–Friday 10:00–16:00 | Saturday 11:00–14:00 | Sunday closed | public holidays 11:00–14:00",
		"Mo,Tu,We,Th,Fr 10:00-16:00 | Sa 11:00-14:00 | Su 00:00-00:00 | PH 11:00-14:00",
		""},
	{"library", "Tu-Th 10:00-14:00 \"endast bokade besök\"",
		"tisdag–torsdag 10.00–14.00 (endast bokade besök) | måndag och fredag–söndag stängt",
		"Tuesday–Thursday 10:00–14:00 (endast bokade besök) | Monday and Friday–Sunday closed",
		"Tu,We,Th 10:00-14:00 | Mo,Fr,Sa,Su 00:00-00:00",
		""},
	{"library", "Jun-Aug: Mo-Fr 10:00-16:00",
		"juni–augusti: måndag–fredag 10.00–16.00 | övrig tid stängt",
		"June–August: Monday–Friday 10:00–16:00 | closed at other times",
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 10:00-16:00 --06-01/--08-31 | Sa,Su 00:00-00:00 --06-01/--08-31",
		""},
	{"library", "Mo-Fr 10:00-16:00; Dec 24,Dec 31 off",
		"måndag–fredag 10.00–16.00 | lördag–söndag stängt | 24 december och 31 december: stängt",
		"Monday–Friday 10:00–16:00 | Saturday–Sunday closed | 24 December and 31 December: closed",
		"Mo,Tu,We,Th,Fr 10:00-16:00 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-24/--12-24 | Mo,Tu,We,Th,Fr,Sa,Su 00:00-00:00 --12-31/--12-31",
		""},
	{"contact centre", "Mo-Fr 08:00-16:30; Dec 23-Jan 6 Mo-Fr 09:00-12:00",
		"måndag–fredag 08.00–16.30 | lördag–söndag stängt | 23 december–6 januari: måndag–fredag 09.00–12.00",
		"Monday–Friday 08:00–16:30 | Saturday–Sunday closed | 23 December–6 January: Monday–Friday 09:00–12:00",
		"Mo,Tu,We,Th,Fr 08:00-16:30 | Sa,Su 00:00-00:00 | Mo,Tu,We,Th,Fr 09:00-12:00 --01-01/--01-06 | Sa,Su 00:00-00:00 --01-01/--01-06 | Mo,Tu,We,Th,Fr 09:00-12:00 --12-23/--12-31 | Sa,Su 00:00-00:00 --12-23/--12-31",
		""},
	{"incomplete", "Må-Fr 08:00-16:00",
		"",
		"",
		"",
		"\"Må\" is not a weekday of the opening_hours syntax: write \"Mo\" (Mo Tu We Th Fr Sa Su)"},
	{"incomplete", "Mo-Fr 08.00-16.00",
		"",
		"",
		"",
		"\"08.00\" is written with a dot: write 08:00"},
	{"incomplete", "Mo-Fr 8-17",
		"",
		"",
		"",
		"\"8-17\" has no minutes: write 08:00-17:00"},
	{"incomplete", "Mo-Fr 08:00-16:00; SH off",
		"",
		"",
		"",
		"school holidays (\"SH\") are not supported"},
	{"incomplete", "Mo-Fr sunrise-sunset",
		"",
		"",
		"",
		"\"sunrise\" is not supported"},
	{"incomplete", "Mo-Fr 08:00+",
		"",
		"",
		"",
		"open end (\"08:00+\") is not supported"},
	{"incomplete", "week 1-10 Mo-Fr 08:00-16:00",
		"",
		"",
		"",
		"week numbers are not supported"},
	{"incomplete", "2025 Jun-Aug 10:00-18:00",
		"",
		"",
		"",
		"years are not supported (\"2025 Jun-Aug 10:00-18:00\")"},
	{"incomplete", "Mo[1] 10:00-12:00",
		"",
		"",
		"",
		"weekdays of the month such as \"Mo[1]\" are not supported"},
	{"incomplete", "Mo-Fr 08:00-16:00 || \"efter överenskommelse\"",
		"",
		"",
		"",
		"fallback rules (\"||\") are not supported"},
	{"incomplete", "Mo-Fr 08:00-12:00, We 14:00-18:00",
		"",
		"",
		"",
		"an additional rule after \",\" that shares days with an earlier rule is not supported: separate the rules with \";\" and give each day all its times"},
	{"incomplete", "Mo-Fr 08:00-16:00; \"övrig tid efter överenskommelse\"",
		"",
		"",
		"",
		"the comment \"övrig tid efter överenskommelse\", without days, replaces the rules before it: put it after the days it is about, as in Sa \"efter överenskommelse\""},
	{"incomplete", "Mo-Fr 08:00-16:00 \"drop-in",
		"",
		"",
		"",
		"the comment \"drop-in is not closed: add a \" at its end"},
	{"incomplete", "Mo-Fr 25:00-26:00",
		"",
		"",
		"",
		"25:00 is not a time"},
	{"incomplete", "Mo-Fr 08:00-08:00",
		"",
		"",
		"",
		"the span 08:00-08:00 is empty"},
	{"incomplete", "Mo-Fr 12:00-13:00 off",
		"",
		"",
		"",
		"times followed by \"off\" (closed during those hours) are not supported"},
	{"incomplete", "måndag-fredag 8-16",
		"",
		"",
		"",
		"\"måndag\" is not a weekday of the opening_hours syntax: write \"Mo\" (Mo Tu We Th Fr Sa Su)"},
	{"incomplete", "Mo \"<script>\"",
		"",
		"",
		"",
		"comments with < or > are not supported"},
	{"incomplete", "Mo-Fr 08:00-16:00 <b>",
		"",
		"",
		"",
		"\"<b>\" is not understood"},
	{"incomplete", "Jun 31 off",
		"",
		"",
		"",
		"Jun 31 is not a date"},
	{"incomplete", "Mo-Fr 08:00-16:00; Lö 10:00-14:00",
		"",
		"",
		"",
		"\"Lö\" is not a weekday of the opening_hours syntax: write \"Sa\" (Mo Tu We Th Fr Sa Su)"},
	{"incomplete", "ma-fr 08:00-16:00",
		"",
		"",
		"",
		"\"ma\" is not understood; did you mean \"Mo\"?"},
	{"incomplete", "unknown",
		"",
		"",
		"",
		"\"unknown\" without a comment is not supported"},
	{"incomplete", "Mo-Fr 0800-1600",
		"",
		"",
		"",
		"\"0800-1600\" is not a time: write it as 08:00"},
	{"incomplete", "Mo-Fr 10:00-16:00; Jun 15-Aug off",
		"",
		"",
		"",
		"\"Jun 15-Aug\": give the day the range ends on, as in Jun 15-Aug 15"},
	{"incomplete", "Mo-Fr 08:00-16:00 Sa 10:00-14:00",
		"",
		"",
		"",
		"\"Sa 10:00-14:00\" is not understood: separate rules with \";\""},
	// Regression (found by FuzzParse): a 48-hour span had no valid
	// closing time in the schema.
	{"incomplete", "0:00-48:00",
		"",
		"",
		"",
		"the span 00:00-48:00 is longer than a day"},
	{"empty", "",
		"",
		"",
		"",
		""},
}

func TestParse(t *testing.T) {
	if len(hoursCases) < 60 {
		t.Fatalf("%d cases; the issue asks for at least 60", len(hoursCases))
	}
	for _, tt := range hoursCases {
		t.Run(tt.kind+"/"+tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if h.Raw != tt.in {
				t.Errorf("Raw = %q", h.Raw)
			}
			if got := strings.Join(warnings, " | "); got != tt.warn {
				t.Errorf("warnings:\n got %q\nwant %q", got, tt.warn)
			}
			if want := tt.warn == "" && tt.in != ""; h.Complete != want {
				t.Errorf("Complete = %v, want %v", h.Complete, want)
			}
			if got := strings.Join(h.Text("sv"), " | "); got != tt.sv {
				t.Errorf("Swedish:\n got %q\nwant %q", got, tt.sv)
			}
			if got := strings.Join(h.Text("en"), " | "); got != tt.en {
				t.Errorf("English:\n got %q\nwant %q", got, tt.en)
			}
			if got := compactSchema(h.Schema()); got != tt.schema {
				t.Errorf("schema:\n got %q\nwant %q", got, tt.schema)
			}
		})
	}
}

func TestParseRules(t *testing.T) {
	allDay := []Span(nil)
	tests := []struct {
		in   string
		want []Rule
	}{
		{"Mo-Fr 08:00-12:00,13:00-16:30", []Rule{
			{Weekdays: []int{0, 1, 2, 3, 4}, Times: []Span{{From: 480, To: 720}, {From: 780, To: 990}}}}},
		{"Mo,We,Fr 10:00-12:00", []Rule{{Weekdays: []int{0, 2, 4}, Times: []Span{{From: 600, To: 720}}}}},
		{"Fr-Mo 10:00-12:00", []Rule{{Weekdays: []int{0, 4, 5, 6}, Times: []Span{{From: 600, To: 720}}}}},
		{"Sa 22:00-02:00", []Rule{{Weekdays: []int{5}, Times: []Span{{From: 1320, To: 1560}}}}},
		{"24/7", []Rule{{Times: allDay}}},
		{`24/7 "obemannad"`, []Rule{{Times: []Span{{From: 0, To: 1440}}, Comment: "obemannad"}}},
		{"Sa open", []Rule{{Weekdays: []int{5}, Times: allDay}}},
		{`Sa open "med bokning"`, []Rule{{Weekdays: []int{5}, Times: []Span{{From: 0, To: 1440}}, Comment: "med bokning"}}},
		{"off", []Rule{{Closed: true}}},
		{"PH off", []Rule{{Holiday: true, Closed: true}}},
		{"Su,PH 10:00-14:00", []Rule{{Weekdays: []int{6}, Holiday: true, Times: []Span{{From: 600, To: 840}}}}},
		{"Jun-Aug off", []Rule{{Months: []int{6, 7, 8}, Closed: true}}},
		{"Nov-Feb off", []Rule{{Months: []int{11, 12, 1, 2}, Closed: true}}},
		{"Jun 15-Aug 15 Mo-Fr 10:00-15:00", []Rule{{Weekdays: []int{0, 1, 2, 3, 4},
			Dates: []DateRange{{FromMonth: 6, FromDay: 15, ToMonth: 8, ToDay: 15}}, Times: []Span{{From: 600, To: 900}}}}},
		{"Dec 24-26,Dec 31 off", []Rule{{Dates: []DateRange{{FromMonth: 12, FromDay: 24, ToMonth: 12, ToDay: 26}, {FromMonth: 12, FromDay: 31, ToMonth: 12, ToDay: 31}}, Closed: true}}},
		{"Jul,Dec 24 off", []Rule{{Months: []int{7}, Dates: []DateRange{{FromMonth: 12, FromDay: 24, ToMonth: 12, ToDay: 24}}, Closed: true}}},
		{`Sa "efter överenskommelse"`, []Rule{{Weekdays: []int{5}, Comment: "efter överenskommelse"}}},
		{`Sa unknown "ring först"`, []Rule{{Weekdays: []int{5}, Comment: "ring först"}}},
		{"Mo-Fr 08:00-16:00; Sa 10:00-14:00", []Rule{
			{Weekdays: []int{0, 1, 2, 3, 4}, Times: []Span{{From: 480, To: 960}}},
			{Weekdays: []int{5}, Times: []Span{{From: 600, To: 840}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if len(warnings) > 0 || !h.Complete {
				t.Fatalf("warnings %q, Complete %v", warnings, h.Complete)
			}
			if !reflect.DeepEqual(h.Rules, tt.want) {
				t.Errorf("rules:\n got %+v\nwant %+v", h.Rules, tt.want)
			}
		})
	}
}

// TestHoursLaterRulesOverride checks OpenStreetMap's order: a later rule
// replaces the earlier ones on the days it names, also on holidays.
func TestHoursLaterRulesOverride(t *testing.T) {
	tests := []struct{ in, sv string }{
		{"Mo-Fr 08:00-16:00; We 08:00-18:00", "måndag–tisdag och torsdag–fredag 08.00–16.00 | onsdag 08.00–18.00 | lördag–söndag stängt"},
		{"Mo-Su 08:00-20:00; Su off", "måndag–lördag 08.00–20.00 | söndag stängt"},
		// The summer rule is replaced by the later rule for the whole year.
		{"Jun-Aug Mo-Fr 08:00-15:00; Mo-Fr 08:00-16:00", "måndag–fredag 08.00–16.00 | lördag–söndag stängt"},
		// Holidays on Saturday keep the later Saturday rule.
		{"PH off; Sa 10:00-14:00", "lördag 10.00–14.00 | måndag–fredag och söndag stängt"},
		{"Sa 10:00-14:00; PH off", "lördag 10.00–14.00 | måndag–fredag och söndag stängt | helgdagar stängt"},
		// Holidays alike on some weekdays only.
		{"Mo-Sa 10:00-16:00; PH off; Sa 10:00-14:00",
			"måndag–fredag 10.00–16.00 | lördag 10.00–14.00 | söndag stängt | helgdagar: lördag 10.00–14.00, måndag–fredag och söndag stängt"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if len(warnings) > 0 {
				t.Fatal(warnings)
			}
			if got := strings.Join(h.Text("sv"), " | "); got != tt.sv {
				t.Errorf("\n got %q\nwant %q", got, tt.sv)
			}
		})
	}
}

func TestHoursSchemaJSON(t *testing.T) {
	h, _ := Parse("Mo-Fr 08:00-16:30; Jun-Aug Mo-Fr 08:00-15:00; Sa 10:00-14:00; PH off")
	got, err := json.Marshal(h.Schema())
	if err != nil {
		t.Fatal(err)
	}
	const d = "https://schema.org/"
	want := `[` +
		`{"@type":"OpeningHoursSpecification","closes":"16:30","dayOfWeek":["` + d + `Monday","` + d + `Tuesday","` + d + `Wednesday","` + d + `Thursday","` + d + `Friday"],"opens":"08:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"14:00","dayOfWeek":["` + d + `Saturday"],"opens":"10:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `Sunday"],"opens":"00:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `PublicHolidays"],"opens":"00:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"15:00","dayOfWeek":["` + d + `Monday","` + d + `Tuesday","` + d + `Wednesday","` + d + `Thursday","` + d + `Friday"],"opens":"08:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"14:00","dayOfWeek":["` + d + `Saturday"],"opens":"10:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `Sunday"],"opens":"00:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `PublicHolidays"],"opens":"00:00","validFrom":"--06-01","validThrough":"--08-31"}` +
		`]`
	if string(got) != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestHoursIncompleteHasNoText: what guidemap does not fully understand is
// shown as written, never as hours.
func TestHoursIncompleteHasNoText(t *testing.T) {
	h, warnings := Parse("Mo-Fr 08:00-16:00; Lö 10:00-14:00")
	if h.Complete || len(warnings) == 0 {
		t.Fatalf("Complete = %v, warnings %q", h.Complete, warnings)
	}
	if len(h.Rules) != 1 {
		t.Errorf("the rule that was understood is kept: %+v", h.Rules)
	}
	if h.Text("sv") != nil || h.Text("en") != nil || h.Schema() != nil {
		t.Error("an incomplete value has text or schema")
	}
	if (Hours{}).Text("sv") != nil {
		t.Error("no hours have text")
	}
}

// TestHoursTextFromModel renders rules made without the parser, including
// values the parser never makes: Text and Schema must not panic on them.
func TestHoursTextFromModel(t *testing.T) {
	tests := []struct {
		name  string
		rules []Rule
		sv    string
	}{
		{"holidays only", []Rule{{Holiday: true, Times: []Span{{From: 600, To: 840}}}},
			"stängt | helgdagar 10.00–14.00"},
		{"a month out of range is left out", []Rule{{Months: []int{0, 13}, Closed: true}, {Weekdays: []int{0}, Times: []Span{{From: 600, To: 660}}}},
			"måndag 10.00–11.00 | tisdag–söndag stängt"},
		{"dates are clamped", []Rule{{Dates: []DateRange{{FromMonth: 2, FromDay: 31, ToMonth: 14, ToDay: 40}}, Times: []Span{{From: 600, To: 660}}}},
			"29 februari–31 december: alla dagar 10.00–11.00 | övrig tid stängt"},
		{"a span past the next midnight", []Rule{{Times: []Span{{From: 1380, To: 2880}}}},
			"alla dagar 23.00–24.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Hours{Raw: "x", Rules: tt.rules, Complete: true}
			if got := strings.Join(h.Text("sv"), " | "); got != tt.sv {
				t.Errorf("\n got %q\nwant %q", got, tt.sv)
			}
			h.Schema()
			h.Text("fi") // an unknown language is Swedish
		})
	}
}
