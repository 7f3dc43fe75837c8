<?xml version="1.0"?>
<!-- clock-windows-timers: the timers virt-manager gives Windows guests.
     Existing rtc timers get tickpolicy='catchup', pit timers
     tickpolicy='delay', hpet timers present='no' (their other attributes
     stay).  Missing ones are added, in that order, before the first other
     timer (hypervclock, tsc, ...) or at the end of <clock>.  Without <clock>,
     <clock offset='utc'> (libvirt's default, so the offset does not change)
     is added after the last of <os>, <features> and <cpu>.
     Parameters: targets (the <clock> or <domain>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="new-timers">
    <xsl:param name="clock"/>
    <xsl:if test="not($clock/timer[@name = 'rtc'])">
      <timer name="rtc" tickpolicy="catchup"/>
    </xsl:if>
    <xsl:if test="not($clock/timer[@name = 'pit'])">
      <timer name="pit" tickpolicy="delay"/>
    </xsl:if>
    <xsl:if test="not($clock/timer[@name = 'hpet'])">
      <timer name="hpet" present="no"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="after" select="(os|features|cpu)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../clock) and count(. | $after) = 1">
          <clock offset="utc">
            <xsl:call-template name="new-timers">
              <xsl:with-param name="clock" select="/.."/>
            </xsl:call-template>
          </clock>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="not(clock) and not($after)">
        <clock offset="utc">
          <xsl:call-template name="new-timers">
            <xsl:with-param name="clock" select="/.."/>
          </xsl:call-template>
        </clock>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock">
    <xsl:variable name="clock" select="."/>
    <xsl:variable name="before" select="timer[not(@name = 'rtc' or @name = 'pit' or @name = 'hpet')][1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="$before and count(. | $before) = 1">
          <xsl:call-template name="new-timers">
            <xsl:with-param name="clock" select="$clock"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not($before)">
        <xsl:call-template name="new-timers">
          <xsl:with-param name="clock" select="$clock"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock/timer[@name = 'rtc']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="tickpolicy">catchup</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock/timer[@name = 'pit']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="tickpolicy">delay</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock/timer[@name = 'hpet']">
    <xsl:copy>
      <xsl:apply-templates select="@*[local-name() != 'tickpolicy']"/>
      <xsl:attribute name="present">no</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
