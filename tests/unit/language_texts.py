"""Made-up article texts in several languages and scripts (written for these tests, not
taken from any data set): what `factcheck.text.language` is tested on."""

from __future__ import annotations

ENGLISH = (
    "The council said on Tuesday that it had spent 48 million euros on the new bridge, "
    "which was opened to traffic in March. According to the figures published by the "
    "city, the cost was twice what had been planned when the work began in 2021. The "
    "mayor told reporters that the delays were caused by the floods of last winter and "
    "that the final bill would be lower than the opposition claims. Critics say the "
    "tender was not open to smaller firms from the region."
)

HAUSA_LIKE = (
    "Gwamnatin jihar Kano ta bayyana cewa za a bude makarantu a ranar Litinin mai zuwa. "
    "Kwamishinan ilimi ya ce an gyara azuzuwa dari biyu kuma an sayi sababbin littattafai "
    "ga dalibai. Wasu iyaye sun nuna damuwa game da tsadar kudin makaranta, amma gwamnati "
    "ta ce babu wani karin kudi a wannan shekara. Rahotanni sun nuna cewa yawan daliban da "
    "suka yi rajista ya karu da kashi goma cikin dari idan aka kwatanta da bara. Shugaban "
    "kungiyar malamai ya yaba da matakin, yana mai cewa hakan zai taimaka wajen inganta "
    "ilimi a fadin jihar."
)

ARABIC = (
    "قال وزير الصحة يوم الثلاثاء إن عدد الحالات المسجلة تضاعف خلال أسبوع واحد. "
    "وأضاف أن أكثر من ألفي شخص دخلوا المستشفيات منذ بداية الشهر، وأن الحكومة ستعلن "
    "إجراءات جديدة قريبا. ويرى خبراء أن الوضع قد يزداد سوءا إذا لم يلتزم المواطنون "
    "بالتعليمات الصادرة عن الوزارة."
)

HINDI = (
    "स्वास्थ्य मंत्री ने मंगलवार को कहा कि एक सप्ताह में मामलों की संख्या दोगुनी हो गई है। "
    "सरकारी आंकड़ों के अनुसार इस महीने की शुरुआत से दो हज़ार से अधिक लोग अस्पताल में भर्ती "
    "हुए हैं। विशेषज्ञों का मानना है कि अगर नियमों का पालन नहीं किया गया तो स्थिति और बिगड़ "
    "सकती है।"
)
