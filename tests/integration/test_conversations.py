"""Whole conversations through signed webhooks: greeting, repair dialog, status, cancel."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session

from core.clock import FixedClock
from core.sql.uow import SqlUnitOfWork
from core.tickets.model import TicketStatus as S
from core.tickets.service import change_status
from tests.support.harness import Bot
from tests.support.line_events import (
    GROUP,
    OTHER,
    STAFF,
    follow_event,
    image_event,
    postback_event,
    text_event,
)


@pytest.fixture
def bot(database_url: str, clock: FixedClock) -> Bot:
    return Bot(database_url, clock)


def report(bot: Bot, user: str, problem: str, clock: FixedClock, *, asset: str = "",
           ownership: str = "owned") -> list[str]:
    """A free-text report confirmed; returns what the bot said after the confirmation."""
    now = clock.now()
    bot.say(text_event(user, problem, now))
    bot.say(text_event(user, asset, now) if asset
            else postback_event(user, "a=ans&s=asset&v=skip", now))
    for data in (f"a=ans&s=ownership&v={ownership}", "a=ans&s=photo&v=skip"):
        bot.say(postback_event(user, data, now))
    return bot.say(postback_event(user, "a=ans&s=confirm&v=confirm", now))


def quick_labels(bot: Bot) -> list[str]:
    last = bot.messenger.sent[-1]["messages"][-1]
    return [item["action"]["label"] for item in last.get("quickReply", {}).get("items", [])]


def test_a_new_friend_is_greeted_with_the_main_menu(bot: Bot, clock: FixedClock) -> None:
    said = bot.say(follow_event(STAFF, clock.now()))
    assert "ยินดีต้อนรับ" in said[0]
    assert quick_labels(bot) == ["แจ้งซ่อม", "สถานะงาน", "ช่วยเหลือ"]


def test_a_repair_dialog_opens_exactly_one_ticket(bot: Bot, clock: FixedClock) -> None:
    now = clock.now()
    assert bot.say(text_event(STAFF, "แจ้งซ่อม", now)) == ["อุปกรณ์ใดมีปัญหาคะ"]
    assert "เครื่องพิมพ์" in quick_labels(bot)
    bot.say(postback_event(STAFF, "a=ans&s=device&v=printer", now))
    asset = bot.say(text_event(STAFF, "กระดาษติด ชั้น 3 ห้อง 301", now))
    assert asset[0].startswith("หมายเลขครุภัณฑ์")
    assert bot.say(text_event(STAFF, "pr 2565/0012", now))[0].startswith("เครื่องนี้เป็นครุภัณฑ์")
    photo = bot.say(postback_event(STAFF, "a=ans&s=ownership&v=owned", now))
    assert photo[0].startswith("หากสะดวก กรุณาส่งรูปอาการเสีย")
    picture = image_event(STAFF, now)
    confirm = bot.say(picture)
    assert "อุปกรณ์: เครื่องพิมพ์" in confirm[0] and "รูปภาพ: แนบแล้ว" in confirm[0]
    assert "เลขครุภัณฑ์: PR 2565/0012" in confirm[0]
    done = bot.say(postback_event(STAFF, "a=ans&s=confirm&v=confirm", now))
    tickets = bot.tickets()
    assert len(tickets) == 1
    assert tickets[0].number == "IT-2569-000001"
    assert tickets[0].category == "printer"
    assert tickets[0].requester_id == f"line:{STAFF}"
    assert tickets[0].details["photo_message_ids"] == [picture["message"]["id"]]
    assert tickets[0].asset_no == "PR 2565/0012"
    assert "IT-2569-000001" in done[0] and "IT-2569-000001" in done[1]


def test_typing_a_choice_label_counts_as_tapping_it(bot: Bot, clock: FixedClock) -> None:
    bot.say(text_event(STAFF, "แจ้งซ่อม", clock.now()))
    said = bot.say(text_event(STAFF, "จอภาพ", clock.now()))
    assert said == ["กรุณาเล่าอาการเสีย และบอกว่าอุปกรณ์อยู่ที่ไหน (อาคาร/ชั้น/ห้อง) ค่ะ"]


def test_a_free_text_problem_report_skips_device_and_symptom(bot: Bot,
                                                            clock: FixedClock) -> None:
    said = bot.say(text_event(STAFF, "ปริ้นเตอร์ชั้น 3 กระดาษติด", clock.now()))
    assert said[0].startswith("หมายเลขครุภัณฑ์")
    for typed in ("ไม่ทราบ", "ครุภัณฑ์ของหน่วยงาน"):
        bot.say(text_event(STAFF, typed, clock.now()))
    said = bot.say(text_event(STAFF, "ไม่มีรูป", clock.now()))
    assert "อุปกรณ์: เครื่องพิมพ์" in said[0]
    assert "อาการ: ปริ้นเตอร์ชั้น 3 กระดาษติด" in said[0]
    assert "รูปภาพ: ไม่มี" in said[0] and "เลขครุภัณฑ์: ไม่ทราบ" in said[0]


def test_a_repeat_repair_within_30_days_is_linked_and_served_on_site(
        bot: Bot, clock: FixedClock) -> None:
    report(bot, STAFF, "คอมเปิดไม่ติด ห้อง 205", clock, asset="PC-001")
    with Session(bot.runtime.engine) as session:
        uow = SqlUnitOfWork(session)
        for status in (S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED):
            change_status(1, status, actor_id="T1", expected_version=None, uow=uow, clock=clock)
        uow.commit()
    clock.advance(timedelta(days=10))
    said = report(bot, STAFF, "คอมเปิดไม่ติดอีกแล้ว ห้อง 205", clock, asset="pc-001")
    assert "IT-2569-000002" in said[0]
    assert "IT-2569-000001" in said[2] and "ระยะรับประกัน" in said[2]
    assert bot.tickets()[1].details["on_site"] is True


def test_a_rented_printer_is_sent_to_the_vendor(bot: Bot, clock: FixedClock) -> None:
    said = report(bot, STAFF, "ปริ้นเตอร์เช่า หมึกไม่ออก", clock, ownership="rented")
    assert "บริษัทผู้ให้บริการ" in said[2]
    assert bot.tickets()[0].details["vendor"] is True


def test_a_too_short_symptom_is_asked_again_and_changes_nothing(bot: Bot,
                                                               clock: FixedClock) -> None:
    bot.say(text_event(STAFF, "แจ้งซ่อม", clock.now()))
    bot.say(postback_event(STAFF, "a=ans&s=device&v=computer", clock.now()))
    said = bot.say(text_event(STAFF, "เสีย", clock.now()))
    assert said[0].startswith("ขอรายละเอียดเพิ่มอีกนิด")
    assert bot.tickets() == []


def test_cancel_works_from_any_step(bot: Bot, clock: FixedClock) -> None:
    bot.say(text_event(STAFF, "แจ้งซ่อม", clock.now()))
    bot.say(postback_event(STAFF, "a=ans&s=device&v=computer", clock.now()))
    said = bot.say(text_event(STAFF, "ยกเลิก", clock.now()))
    assert said[0].startswith("ยกเลิกแล้ว")
    assert bot.say(text_event(STAFF, "คอมพิวเตอร์", clock.now()))[0].startswith("ขออภัย")
    assert bot.tickets() == []


def test_status_lists_only_my_open_tickets(bot: Bot, clock: FixedClock) -> None:
    for user in (STAFF, OTHER):
        report(bot, user, "คอมเปิดไม่ติด ห้องประชุม", clock)
    said = bot.say(text_event(STAFF, "สถานะ", clock.now()))
    assert said == ["คำขอที่ยังดำเนินการอยู่ 1 รายการ"]
    carousel = bot.messenger.sent[-1]["messages"][0]["contents"]
    assert [b["header"]["contents"][1]["text"] for b in carousel["contents"]] == ["IT-2569-000001"]


def test_status_with_no_tickets_says_so(bot: Bot, clock: FixedClock) -> None:
    assert bot.say(text_event(STAFF, "สถานะงาน", clock.now())) == [
        "ขณะนี้ท่านไม่มีคำขอที่ค้างอยู่ค่ะ"]


def test_someone_elses_ticket_number_reveals_nothing(bot: Bot, clock: FixedClock) -> None:
    report(bot, OTHER, "คอมเปิดไม่ติด ห้องประชุม", clock)
    said = bot.say(postback_event(STAFF, "a=ticket&n=IT-2569-000001", clock.now()))
    assert said == ["ไม่พบคำขอเลขที่ IT-2569-000001 ในรายการของท่านค่ะ"]


def test_a_tap_on_an_old_question_is_refused_politely(bot: Bot, clock: FixedClock) -> None:
    said = bot.say(postback_event(STAFF, "a=ans&s=device&v=printer", clock.now()))
    assert said == ["คำถามนี้ปิดไปแล้วค่ะ"]


def test_an_expired_dialog_offers_to_resume(bot: Bot, clock: FixedClock) -> None:
    bot.say(text_event(STAFF, "แจ้งซ่อม", clock.now()))
    clock.advance(timedelta(minutes=31))
    said = bot.say(text_event(STAFF, "อะไรก็ได้", clock.now()))
    assert "ยังไม่เสร็จ" in said[0]
    assert bot.say(postback_event(STAFF, "a=resume", clock.now())) == ["อุปกรณ์ใดมีปัญหาคะ"]


def test_group_chatter_is_ignored_unless_the_bot_is_mentioned(bot: Bot,
                                                              clock: FixedClock) -> None:
    assert bot.say(text_event(STAFF, "ประชุมกี่โมง", clock.now(), group=GROUP)) == []
    said = bot.say(text_event(STAFF, "@bot เมนู", clock.now(), group=GROUP, mention_bot=True))
    assert said == ["ขออภัยค่ะ ไม่เข้าใจข้อความนี้ กรุณาเลือกจากเมนูด้านล่าง"]


def test_standby_events_are_stored_but_answered_by_nobody(bot: Bot, clock: FixedClock) -> None:
    assert bot.say(text_event(STAFF, "สถานะ", clock.now(), mode="standby")) == []
    assert [row.status for row in bot.inbox()] == ["done"]


def test_a_photo_outside_a_dialog_gets_guidance(bot: Bot, clock: FixedClock) -> None:
    said = bot.say(image_event(STAFF, clock.now()))
    assert said[0].startswith("ได้รับรูปภาพแล้ว")


def test_a_stale_event_is_answered_by_push_not_reply(bot: Bot, clock: FixedClock) -> None:
    event = text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=5))
    bot.say(event)
    assert bot.messenger.sent[-1]["via"] == "push"
    assert bot.messenger.sent[-1]["to"] == STAFF


def test_a_fresh_event_is_answered_by_reply(bot: Bot, clock: FixedClock) -> None:
    bot.say(text_event(STAFF, "สถานะ", clock.now()))
    assert bot.messenger.sent[-1]["via"] == "reply"
