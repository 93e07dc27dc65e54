#!/usr/bin/env python3
"""Builds labelled-pairs.csv: the labelled name pairs the matching-quality test measures.

Each GROUP lists ways one person or organisation is written: Latin transliterations (English
press, BGN/PCGN, ISO 9 / scholarly, German and French systems, passport forms), Cyrillic and
Persian/Arabic script, surname-first order, with honorifics, patronymics or legal forms. Pairs
within a group are true matches. NEGATIVES are hand-picked hard non-matches: same common first
name with another surname, same surname with another first name, relatives, similar company
names of different companies, the same stem with the Persian -i nisba. A few cross-group pairs
that share a word are added as further negatives.

Run: python3 make_pairs.py > labelled-pairs.csv   (deterministic)
"""
import csv
import itertools
import random
import sys

PERSONS = [
    ["Andrei Rudenko", "Andrey Rudenko", "Андрей Руденко", "Rudenko Andrei", "Andrej Rudenko", "RUDENKO, Andrey"],
    ["Yevgeny Prigozhin", "Evgeniy Prigozhin", "Евгений Пригожин", "Evgenii Prigozhin", "Jewgeni Prigoschin",
     "Yevgeniy Viktorovich Prigozhin", "Пригожин Евгений Викторович"],
    ["Alexander Lukashenko", "Aleksandr Lukashenko", "Александр Лукашенко", "Alyaksandr Lukashenka"],
    ["Vladimir Putin", "Владимир Путин", "Vladimir Vladimirovich Putin", "Putin Vladimir", "Wladimir Putin"],
    ["Dmitry Medvedev", "Dmitriy Medvedev", "Дмитрий Медведев", "Dmitrii Medvedev", "Dmitri Medwedew"],
    ["Sergey Lavrov", "Sergei Lavrov", "Сергей Лавров", "Sergej Lawrow", "Sergey Viktorovich Lavrov"],
    ["Alexei Navalny", "Aleksey Navalnyy", "Алексей Навальный", "Alexey Navalny", "Aleksei Navalnyi"],
    ["Mikhail Khodorkovsky", "Михаил Ходорковский", "Mikhail Khodorkovskiy", "Michail Chodorkowski",
     "Mikhail Borisovich Khodorkovsky"],
    ["Roman Abramovich", "Роман Абрамович", "Roman Arkadyevich Abramovich", "Abramovich Roman"],
    ["Oleg Deripaska", "Олег Дерипаска", "Oleg Vladimirovich Deripaska", "DERIPASKA, Oleg"],
    ["Yuri Kovalchuk", "Yuriy Kovalchuk", "Юрий Ковальчук", "Iurii Kovalchuk", "Jurij Kowaltschuk"],
    ["Gennady Timchenko", "Gennadiy Timchenko", "Геннадий Тимченко", "Gennadii Timtchenko"],
    ["Alisher Usmanov", "Алишер Усманов", "Usmanov Alisher Burkhanovich", "Alisher Burkhanovich Usmanov"],
    ["Arkady Rotenberg", "Arkadiy Rotenberg", "Аркадий Ротенберг", "Arkadi Rotenberg"],
    ["Igor Sechin", "Игорь Сечин", "Igor Setschin", "Igor Ivanovich Sechin"],
    ["Viktor Vekselberg", "Victor Vekselberg", "Виктор Вексельберг", "Wiktor Wekselberg"],
    ["Sergei Shoigu", "Sergey Shoygu", "Сергей Шойгу", "Sergej Schoigu"],
    ["Nikolai Patrushev", "Nikolay Patrushev", "Николай Патрушев", "Nikolaj Patruschew"],
    ["Valentina Matviyenko", "Valentina Matvienko", "Валентина Матвиенко"],
    ["Tatyana Golikova", "Tatiana Golikova", "Татьяна Голикова"],
    ["Maria Zakharova", "Mariya Zakharova", "Мария Захарова", "Marija Sacharowa"],
    ["Ramzan Kadyrov", "Рамзан Кадыров", "Ramzan Akhmatovich Kadyrov", "Ramsan Kadyrow"],
    ["Ivan Petrov", "Иван Петров", "Ivan Petroff", "Petrov Ivan Sergeyevich"],
    ["Pyotr Sidorov", "Petr Sidorov", "Пётр Сидоров", "Piotr Sidorow", "Pyotr Ivanovich Sidorov"],
    ["Fyodor Kuznetsov", "Fedor Kuznetsov", "Фёдор Кузнецов", "Fjodor Kusnezow"],
    ["Ilya Shcherbakov", "Ilia Shcherbakov", "Илья Щербаков", "Ilja Schtscherbakow"],
    ["Vyacheslav Volodin", "Вячеслав Володин", "Viacheslav Volodin", "Wjatscheslaw Wolodin"],
    ["Zhanna Zhukova", "Жанна Жукова", "Zhanna Joukova", "Zhanna Zhukova-Orlova"],
    ["Yulia Tymoshenko", "Yuliya Tymoshenko", "Юлия Тимошенко", "Julia Timoschenko"],
    ["Khasan Dzhabrailov", "Хасан Джабраилов", "Hasan Jabrailov", "Khassan Djabrailov"],
    ["Magomed Magomedov", "Магомед Магомедов", "Magomed Magomedoff"],
    ["Shavkat Mirziyoyev", "Шавкат Мирзиёев", "Shavkat Mirziyoev"],
    ["Emomali Rahmon", "Эмомали Рахмон", "Emomali Rakhmon"],
    ["Aleksandr Bortnikov", "Alexander Bortnikov", "Александр Бортников", "Alexandre Bortnikov"],
    ["Konstantin Malofeyev", "Konstantin Malofeev", "Константин Малофеев"],
    ["Yelena Shcherbakova", "Elena Shcherbakova", "Елена Щербакова", "Jelena Schtscherbakowa"],
    ["Mohammad Javad Zarif", "Muhammad Jawad Zarif", "محمد جواد ظریف", "Mohammad-Javad Zarif",
     "Мохаммад Джавад Зариф", "Zarif, Mohammad Javad"],
    ["Qasem Soleimani", "Qassem Suleimani", "قاسم سلیمانی", "Ghasem Soleimani", "Касем Сулеймани", "Kasim Sulaymani"],
    ["Ali Khamenei", "Sayyid Ali Khamenei", "سید علی خامنه‌ای", "Али Хаменеи", "Ayatollah Ali Khamenei"],
    ["Hassan Rouhani", "Hasan Rowhani", "حسن روحانی", "Хасан Рухани", "Hassan Rohani"],
    ["Mahmoud Ahmadinejad", "Mahmud Ahmadinezhad", "محمود احمدی‌نژاد", "Махмуд Ахмадинежад", "Mahmoud Ahmadi-Nejad"],
    ["Ebrahim Raisi", "Ibrahim Raisi", "ابراهیم رئیسی", "Эбрахим Раиси", "Ebrahim Raeesi"],
    ["Hossein Dehghan", "Husayn Dehqan", "حسین دهقان", "Хосейн Дехган", "Hosein Dehghan"],
    ["Mohsen Rezaee", "Mohsen Rezaei", "محسن رضایی", "Мохсен Резаи", "Muhsin Rezai"],
    ["Ali Akbar Velayati", "Ali-Akbar Velayati", "علی‌اکبر ولایتی", "Али Акбар Велаяти", "Aliakbar Velayati"],
    ["Mohammad Bagher Ghalibaf", "Mohammad Baqer Qalibaf", "محمد باقر قالیباف", "Мохаммад Багер Галибаф",
     "Muhammad Baqir Qalibaf"],
    ["Hassan Nasrallah", "Hasan Nasrallah", "حسن نصرالله", "Хасан Насралла", "Hassan Nasr Allah"],
    ["Osama bin Laden", "Usama bin Ladin", "أسامة بن لادن", "Усама бен Ладен", "Usama Ibn Ladin"],
    ["Ayman al-Zawahiri", "Aiman al-Zawahiri", "أيمن الظواهري", "Айман аз-Завахири", "Ayman Zawahiri", "Ayman al Zawahry"],
    ["Abu Bakr al-Baghdadi", "Abubakr Baghdadi", "أبو بكر البغدادي", "Абу Бакр аль-Багдади"],
    ["Saddam Hussein", "Saddam Husayn", "صدام حسين", "Саддам Хусейн", "Saddam Hussein al-Tikriti"],
    ["Bashar al-Assad", "Bachar el-Assad", "بشار الأسد", "Башар Асад", "Bashar Assad"],
    ["Muammar Gaddafi", "Moammar Qadhafi", "معمر القذافي", "Муаммар Каддафи", "Muammar al-Qaddafi"],
    ["Abdul Rahman Yasin", "Abd al-Rahman Yasin", "عبد الرحمن ياسين", "Abdurrahman Yassin", "Абдуррахман Ясин"],
    ["Mullah Mohammed Omar", "Muhammad Umar", "ملا محمد عمر", "Мухаммед Омар"],
    ["Hibatullah Akhundzada", "Haibatullah Akhunzada", "هبت الله آخوندزاده", "Хибатулла Ахундзада"],
    ["Sirajuddin Haqqani", "Siraj al-Din Haqqani", "سراج الدين حقاني", "Сираджуддин Хаккани", "Siraj Haqani"],
    ["Fatemeh Hosseini", "Fatima Husseini", "فاطمه حسینی", "Фатима Хусейни"],
    ["Reza Karimi", "Riza Kareemi", "رضا کریمی", "Реза Карими"],
    ["Mehdi Jafari", "Mahdi Jafari", "مهدی جعفری", "Мехди Джафари", "Mehdi Ja'fari"],
    ["Mostafa Mousavi", "Mustafa Musawi", "مصطفی موسوی", "Мостафа Мусави"],
    ["Yousef Ahmadi", "Yusuf Ahmadi", "یوسف احمدی", "Юсуф Ахмади"],
    ["Abbas Araghchi", "Abbas Araqchi", "عباس عراقچی", "Аббас Аракчи"],
    ["Masoud Pezeshkian", "Masud Pezeshkian", "مسعود پزشکیان", "Масуд Пезешкиан"],
    ["Esmail Qaani", "Ismail Qaani", "Esmail Ghaani", "اسماعیل قاآنی", "Исмаил Каани"],
    ["Hossein Salami", "Husayn Salami", "حسین سلامی", "Хосейн Салами"],
    ["Amir Ali Hajizadeh", "Amirali Hajizadeh", "امیرعلی حاجی‌زاده", "Амир Али Хаджизаде"],
    ["Gholamreza Soleimani", "Gholam Reza Soleimani", "غلامرضا سلیمانی", "Голамреза Солеймани"],
    ["Mohammad Reza Naqdi", "Mohammadreza Naghdi", "محمدرضا نقدی", "Мохаммад Реза Нагди"],
    ["Khalid Sheikh Mohammed", "Khaled Shaikh Mohamed", "خالد شيخ محمد", "Халид Шейх Мохаммед"],
    ["Abdullah Azzam", "Abdallah Azam", "عبد الله عزام", "Абдулла Аззам"],
    ["Yahya Sinwar", "Yahia Sinouar", "يحيى السنوار", "Яхья Синвар"],
    ["Ismail Haniyeh", "Ismail Haniya", "إسماعيل هنية", "Исмаил Хания"],
    ["Huseyn Aliyev", "Hüseyn Əliyev", "Гусейн Алиев", "Huseyn Aliev"],
    ["Ali Reza Karimi", "Alireza Karimi", "علیرضا کریمی", "Алиреза Карими"],
    ["Abdulaziz al-Saud", "Abd al-Aziz Al Saud", "عبد العزيز آل سعود", "Abdelaziz Saud"],
    ["Nasir al-Din Tusi", "Nasiruddin Tusi", "نصیرالدین طوسی", "Nasir ud-Din Tusi"],
    ["Ruhollah Khomeini", "Rouhollah Khomeyni", "روح‌الله خمینی", "Рухолла Хомейни", "Ruhullah Khumayni"],
    ["Mojtaba Khamenei", "Mujtaba Khamenei", "مجتبی خامنه‌ای", "Моджтаба Хаменеи"],
    ["Mohammad Mokhber", "Muhammad Mukhbir", "محمد مخبر", "Мохаммад Мохбер"],
    ["Zahra Rahnavard", "Zahra Rahnaward", "زهرا رهنورد", "Захра Рахнавард"],
    ["Maryam Rajavi", "Mariam Radjavi", "مریم رجوی", "Марьям Раджави"],
    ["Mohammed Deif", "Muhammad Dayf", "محمد الضيف", "Мухаммед Дейф"],
    ["Jafar Jafari", "Dzhafar Dzhafari", "جعفر جعفری", "Джафар Джафари"],
    ["Abdulrahman Nasser", "Abd al-Rahman Nasir", "عبدالرحمن ناصر", "Абдурахман Насер"],
]

ORGANISATIONS = [
    ["Gazprom", "OOO Gazprom", "ПАО «Газпром»", "Gazprom PJSC", "Public Joint Stock Company Gazprom", "OAO Gazprom"],
    ["Sberbank", "ПАО Сбербанк", "PJSC Sberbank", "Sberbank Rossii", "Сбербанк России"],
    ["Rosneft", "Rosneft Oil Company", "Роснефть", "OAO Rosneft", "ПАО Роснефть"],
    ["VTB Bank", "Bank VTB", "Банк ВТБ", "VTB Bank PJSC", "Банк ВТБ (ПАО)"],
    ["Bank Melli Iran", "بانک ملی ایران", "Bank Melli", "Банк Мелли Иран"],
    ["Bank Mellat", "بانک ملت", "Mellat Bank", "Банк Меллат"],
    ["Bank Saderat Iran", "بانک صادرات ایران", "Saderat Bank", "Банк Садерат Иран"],
    ["Bank Sepah", "بانک سپه", "Sepah Bank", "Банк Сепах"],
    ["National Iranian Oil Company", "National Iranian Oil Co.", "NATIONAL IRANIAN OIL COMPANY (NIOC)"],
    ["Sherkat Melli Naft Iran", "شرکت ملی نفت ایران", "Sherkat-e Melli-ye Naft-e Iran"],
    ["Islamic Republic of Iran Shipping Lines", "Islamic Republic Of Iran Shipping Lines Co.",
     "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES (IRISL)"],
    ["Mahan Air", "Mahan Airlines", "ماهان ایر", "Махан Эйр"],
    ["Iran Air", "ایران ایر", "Иран Эйр", "Iran Air Co."],
    ["Rosoboronexport", "Рособоронэкспорт", "OAO Rosoboronexport", "Rosoboroneksport"],
    ["Promsvyazbank", "Промсвязьбанк", "PJSC Promsvyazbank", "Promsviazbank"],
    ["Sovcomflot", "Совкомфлот", "PAO Sovcomflot", "Sovkomflot"],
    ["Rostec", "Ростех", "Rostekh", "Rostec State Corporation"],
    ["Almaz-Antey", "Алмаз-Антей", "Almaz Antei", "JSC Almaz-Antey"],
    ["Uralvagonzavod", "Уралвагонзавод", "AO Uralvagonzavod", "Uralwagonsawod"],
    ["Kalashnikov Concern", "Концерн Калашников", "Kalashnikov Kontsern", "JSC Kalashnikov Concern"],
    ["Khatam al-Anbiya Construction Headquarters", "Khatam ol-Anbiya Construction Headquarters",
     "Khatam al Anbiya Construction HQ"],
    ["Romashka LLC", "OOO Romashka", "ООО «Ромашка»", "Romashka Ltd"],
    ["Torgovy Dom Vostok", "Торговый Дом Восток", "Torgovyy Dom Vostok", "OOO Torgovyi Dom Vostok"],
    ["Pars Petrochemical Company", "Pars Petrochemical Co.", "Pars Petrochemical"],
    ["Persia International Bank", "Persia International Bank PLC", "PERSIA INTERNATIONAL BANK"],
    ["Aeroflot", "Аэрофлот", "PJSC Aeroflot", "Aeroflot Russian Airlines"],
    ["Norilsk Nickel", "Норильский никель", "MMC Norilsk Nickel", "Norilskiy Nikel"],
    ["Bank Rossiya", "Банк Россия", "Bank Rossiya JSC", "AB Rossiya"],
    ["Wagner Group", "ЧВК Вагнер", "PMC Wagner", "Vagner Group"],
    ["Hezbollah", "Hizballah", "حزب الله", "Хезболла", "Hizbullah"],
    ["Hamas", "حماس", "Хамас", "HAMAS"],
    ["Al-Qaida", "Al-Qaeda", "القاعدة", "Аль-Каида", "Al Qa'ida"],
    ["Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guards Corps", "Islamic Revolution Guard Corps"],
    ["Taliban", "طالبان", "Талибан", "Taleban"],
    ["Tidewater Middle East Co", "Tidewater Middle East Company", "Tidewater Middle East Co. Ltd"],
    ["Mobin Trading LLC", "Mobin Trading", "ООО Мобин Трейдинг", "Mobin Trading Co."],
    ["Khorasan Steel Complex", "Khorasan Steel Co", "Khorasan Steel"],
    ["Mobarakeh Steel Company", "Mobarakeh Steel Co", "Mobarakeh Steel"],
    ["Foolad Mobarakeh", "فولاد مبارکه", "Fulad Mobarake", "Foolad Mobarakeh Co."],
    ["Tatneft", "Татнефть", "PJSC Tatneft", "Tatneft OAO"],
    ["Lukoil", "Лукойл", "PJSC Lukoil", "OAO Lukoil", "LUKOIL Oil Company"],
]

NEGATIVES = [
    # same common first name, different surname
    ("Mohammad Rezaei", "Mohammad Rahimi"), ("Mohammad Rezaei", "Mohammad Karimi"), ("Ali Hosseini", "Ali Mousavi"),
    ("Ali Hassan", "Ali Hussein"), ("Andrei Rudenko", "Andrei Rudnev"), ("Sergey Lavrov", "Sergey Lebedev"),
    ("Vladimir Putin", "Vladimir Potanin"), ("Alexei Navalny", "Alexei Nevzorov"), ("Igor Sechin", "Igor Sechenov"),
    ("Yevgeny Prigozhin", "Yevgeny Primakov"), ("Dmitry Medvedev", "Dmitry Medvedchuk"), ("Hassan Rouhani", "Hassan Rahimpour"),
    ("Mohammad Javad Zarif", "Mohammad Javad Azari Jahromi"), ("Mohammad Bagher Ghalibaf", "Mohammad Bagher Zolghadr"),
    ("Hossein Salami", "Hossein Sadeghi"), ("Mahmoud Ahmadinejad", "Mahmoud Alavi"), ("Ebrahim Raisi", "Ebrahim Rezaei"),
    ("Mohammed Omar", "Mohammed Osman"), ("Muhammad Ali", "Muhammad Alam"), ("Ahmad Shah Massoud", "Ahmad Shah Durrani"),
    ("Abdullah Azzam", "Abdullah Abdullah"), ("Ivan Petrov", "Ivan Popov"), ("Ivan Petrov", "Ivan Petrenko"),
    ("Alexander Lukashenko", "Alexander Lebed"), ("Nikolai Patrushev", "Nikolai Pankov"), ("Yuri Kovalchuk", "Yuri Kovalev"),
    ("Андрей Руденко", "Андрей Рудаков"), ("محمد رضایی", "محمد رحیمی"), ("Мохаммад Резаи", "Mohammad Rahimi"),
    ("Reza Karimi", "Reza Kazemi"), ("Mehdi Jafari", "Mehdi Jalali"), ("Mostafa Mousavi", "Mostafa Moradi"),
    ("Yusuf Ahmadi", "Yusuf Akbari"), ("Fatemeh Hosseini", "Fatemeh Hashemi"), ("Zahra Rahnavard", "Zahra Rahimi"),
    ("Abdul Rahman Yasin", "Abdul Rahman Yusuf"), ("Maryam Rajavi", "Maryam Rajabi"), ("Qasem Soleimani", "Qasem Sadeghi"),
    # same surname, different first name
    ("Andrei Rudenko", "Sergei Rudenko"), ("Ivan Petrov", "Pavel Petrov"), ("Mohammad Karimi", "Reza Karimi"),
    ("Yevgeny Prigozhin", "Pavel Prigozhin"), ("Ramzan Kadyrov", "Akhmat Kadyrov"), ("Bashar al-Assad", "Hafez al-Assad"),
    ("Osama bin Laden", "Hamza bin Laden"), ("Qasem Soleimani", "Gholamreza Soleimani"), ("Ali Khamenei", "Mojtaba Khamenei"),
    ("Arkady Rotenberg", "Boris Rotenberg"), ("Yuri Kovalchuk", "Mikhail Kovalchuk"), ("Ali Larijani", "Sadegh Larijani"),
    ("Hassan Nasrallah", "Hadi Nasrallah"), ("Ruhollah Khomeini", "Ahmad Khomeini"), ("Sergei Shoigu", "Ksenia Shoigu"),
    ("Сергей Лавров", "Андрей Лавров"), ("حسن روحانی", "Hossein Rouhani"), ("Hasan Ali", "Husayn Ali"),
    ("Hamid Rezaei", "Hamed Rezaei"), ("Ahmad Ali Mohamed", "Ahmad Ali Hassan"), ("Omar Abdullah", "Amir Abdullah"),
    ("Mahmoud Abbas", "Mahmoud Abbasi"), ("Karim Jafari", "Rahim Jafari"), ("Saddam Hussein", "Uday Saddam Hussein"),
    ("Vladimir Putin", "Lyudmila Putina"), ("Yulia Tymoshenko", "Yevgenia Tymoshenko"), ("Mahdi Jafari", "Hadi Jafari"),
    ("Ilya Shcherbakov", "Irina Shcherbakova"), ("Muammar Gaddafi", "Saif al-Islam Gaddafi"),
    # nisba and suffix differences: a different family name
    ("Mohammad Hosseini", "Mohammad Hossein"), ("Ali Karimi", "Ali Karim"), ("Hossein Dehghan", "Hossein Dehghani"),
    ("Mohammad Reza", "Mohammad Rezaei"), ("Ahmad Mahmoud", "Mahmoud Ahmadi"), ("Reza Rahim", "Reza Rahimi"),
    ("Hassan Hassani", "Hassan Hosseini"), ("Javad Mohammadi", "Javad Mahmoudi"), ("Mohammad Mohammadi", "Ahmad Ahmadi"),
    ("Ivan Ivanov", "Ivan Ivanovsky"), ("Petr Petrov", "Petr Petrovsky"),
    # patronymic versus first name
    ("Ivan Petrovich Sidorov", "Petr Ivanovich Sidorov"), ("Sergey Ivanovich Popov", "Ivan Sergeyevich Popov"),
    # different people, similar names
    ("Vladimir Zhirinovsky", "Vladimir Zelensky"), ("Volodymyr Zelensky", "Vladimir Zhirinovsky"),
    ("Alisher Usmanov", "Alisher Umarov"), ("Gennady Timchenko", "Gennady Timoshenko"), ("Viktor Vekselberg", "Viktor Yanukovych"),
    ("Oleg Deripaska", "Oleg Tinkov"), ("Roman Abramovich", "Roman Abramov"), ("Khalid Sheikh Mohammed", "Khalid Mahmoud"),
    ("Yahya Sinwar", "Yahya Sarea"), ("Ismail Haniyeh", "Ismail Hamdan"), ("Ayman al-Zawahiri", "Ayman al-Zahrani"),
    ("Hibatullah Akhundzada", "Hidayatullah Akhund"), ("Sirajuddin Haqqani", "Jalaluddin Haqqani"), ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Masoud Pezeshkian", "Masoud Barzani"), ("Abbas Araghchi", "Abbas Arvand"), ("Esmail Qaani", "Esmail Khatib"),
    ("Amir Ali Hajizadeh", "Amir Hatami"), ("Mohsen Rezaee", "Mohsen Rafighdoost"),
    # organisations: similar names, different organisations
    ("Bank Melli Iran", "Bank Mellat"), ("Bank Saderat Iran", "Bank Sepah"), ("Bank Mellat", "Bank Maskan"),
    ("Bank Melli", "Bank Markazi"), ("Bank Sepah", "Bank Pasargad"), ("Bank Tejarat", "Bank Refah"),
    ("Sberbank", "Sovcombank"), ("VTB Bank", "VEB Bank"), ("Gazprom", "Gazprombank"),
    ("Rosneft", "Rostec"), ("Rosneft", "Transneft"), ("Mahan Air", "Iran Air"), ("Aeroflot", "Aerostar"),
    ("Sovcomflot", "Sovcombank"), ("Almaz-Antey", "Almaz Holding"), ("Romashka LLC", "Romashkino LLC"),
    ("Torgovy Dom Vostok", "Torgovy Dom Zapad"), ("Pars Petrochemical Company", "Pars Oil Company"),
    ("Persia International Bank", "Persian Gulf International Bank"), ("Bank Rossiya", "Rosbank"),
    ("Alfa-Bank", "Alfa Capital"), ("Tatneft", "Tatenergo"), ("Kalashnikov Concern", "Kalashnikov Vodka"),
    ("Hezbollah", "Hizb ut-Tahrir"), ("Islamic Revolutionary Guard Corps", "Islamic Revolutionary Court"),
    ("Iran Air", "Iran Aseman Airlines"), ("Mobin Trading LLC", "Mobin Telecom LLC"),
    ("ООО Ромашка", "ООО Ландыш"), ("ПАО Сбербанк", "ПАО Совкомбанк"), ("بانک ملی ایران", "بانک ملت"),
    ("بانک صادرات ایران", "بانک سپه"), ("National Iranian Oil Company", "National Iranian Gas Company"),
    ("National Iranian Oil Company", "National Iranian Tanker Company"), ("Khorasan Steel Complex", "Khuzestan Steel Company"),
    ("Mobarakeh Steel Company", "Mobarakeh Cement Company"), ("Tidewater Middle East Co", "Middle East Trading Co"),
    ("Norilsk Nickel", "Norilsk Mining"), ("Promsvyazbank", "Promsyrioimport"), ("Rosoboronexport", "Rosexport"),
    ("Uralvagonzavod", "Uralmashzavod"), ("Wagner Group", "Warner Group"), ("Al-Qaida", "Al-Shabaab"),
    ("Taliban", "Tablighi Jamaat"), ("Hamas", "Hamm AG"), ("Rostec", "Rosatom"),
    ("Moscow Trading House", "Moscow Trading Bank"), ("Iran Khodro", "Iran Kish Trading"),
    ("Sepah Bank", "Sina Bank"), ("Sherkat Melli Naft Iran", "Sherkat Melli Gaz Iran"),
]


def skeleton(word):
    out = ""
    for c in word.replace("kh", "h").replace("q", "k").replace("gh", "g"):
        if c in "aeiouyhw" or (out and out[-1] == c):
            continue
        out += c
    return out


def spelling_variants(a, b):
    """Ismail / Esmail, Hossein / Hosein: two spellings of one name are not a negative."""
    a, b = a.lower(), b.lower()
    if a == b or skeleton(a) == skeleton(b):
        return True
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= max(1, len(max(a, b, key=len)) // 3)


def main():
    rows = []
    random.seed(6)
    for kind, groups in (("person", PERSONS), ("organisation", ORGANISATIONS)):
        for group in groups:
            pairs = list(itertools.combinations(group, 2))
            random.shuffle(pairs)
            for a, b in pairs[:10]:
                rows.append((a, b, 1, kind + "-variant"))
    for a, b in NEGATIVES:
        rows.append((a, b, 0, "hard-negative"))
    # Cross-group pairs that share a word: more negatives of the kind screening meets daily.
    flat = [(g[0], kind) for kind, groups in (("person", PERSONS), ("organisation", ORGANISATIONS)) for g in groups]
    shared = []
    for (a, ka), (b, kb) in itertools.combinations(flat, 2):
        wa = set(a.lower().replace("-", " ").split())
        wb = set(b.lower().replace("-", " ").split())
        # A name whose words are all in the other ("Reza Karimi", "Ali Reza Karimi") is left out:
        # whether it is the same person is not decidable from the names.
        if ka == kb and wa & wb and not (wa <= wb or wb <= wa):
            shared.append((a, b, 0, "shared-word-negative"))
    random.shuffle(shared)
    rows.extend(shared[:120])
    # Recombined names: a person's first name with another person's surname and the reverse,
    # each against the original (same first name, different surname; same surname, different
    # first name).
    latin = [g[0].split() for g in PERSONS if len(g[0].split()) == 2 and g[0].isascii()]
    recombined = set()
    for first, last in latin:
        other_first, _ = random.choice(latin)
        _, other_last = random.choice(latin)
        if not spelling_variants(other_first, first):
            recombined.add((first + " " + last, other_first + " " + last))
        if not spelling_variants(other_last, last):
            recombined.add((first + " " + last, first + " " + other_last))
    for a, b in sorted(recombined):
        rows.append((a, b, 0, "recombined-negative"))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["name1", "name2", "label", "category"])
    for r in rows:
        w.writerow(r)


if __name__ == "__main__":
    main()
