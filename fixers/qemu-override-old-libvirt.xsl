<?xml version="1.0"?>
<!-- qemu-override-old-libvirt: for a libvirt older than 8.2 (which drops
     <qemu:override>) that still passes -device in QEMU's legacy syntax,
     replace each targeted qemu:override by "-set device.ALIAS.NAME=VALUE"
     argument pairs, bool true/false written on/off.  The pairs go at the
     end of the first qemu:commandline, or into a new one where the first
     targeted override was.  The rule only targets overrides without
     type='remove' properties.
     Parameters: targets, the vl:id of each qemu:override. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl q">
  <xsl:param name="targets"/>

  <xsl:variable name="Q" select="'http://libvirt.org/schemas/domain/qemu/1.0'"/>
  <xsl:variable name="overrides" select="/domain/q:override[contains($targets, concat(' ', @vl:id, ' '))]"/>
  <xsl:variable name="commandline" select="/domain/q:commandline[1]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- the -set pairs of every targeted override, with prefix P ("qemu:") -->
  <xsl:template name="args">
    <xsl:param name="p"/>
    <xsl:for-each select="$overrides/q:device/q:frontend/q:property">
      <xsl:element name="{$p}arg" namespace="{$Q}">
        <xsl:attribute name="value">-set</xsl:attribute>
      </xsl:element>
      <xsl:element name="{$p}arg" namespace="{$Q}">
        <xsl:attribute name="value">
          <xsl:value-of select="concat('device.', ../../@alias, '.', @name, '=')"/>
          <xsl:choose>
            <xsl:when test="@type = 'bool' and @value = 'true'">on</xsl:when>
            <xsl:when test="@type = 'bool'">off</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="@value"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:element>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/domain/q:commandline">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="count(. | $commandline) = 1">
        <xsl:call-template name="args">
          <xsl:with-param name="p" select="substring-before(name(), 'commandline')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/q:override">
    <xsl:choose>
      <xsl:when test="count(. | $overrides) != count($overrides)">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="not($commandline) and count(. | $overrides[1]) = 1 and $overrides/q:device/q:frontend/q:property">
        <xsl:variable name="p" select="substring-before(name(), 'override')"/>
        <xsl:element name="{$p}commandline" namespace="{$Q}">
          <xsl:call-template name="args">
            <xsl:with-param name="p" select="$p"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
